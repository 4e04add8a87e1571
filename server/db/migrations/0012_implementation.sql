CREATE TABLE "progress_reminders" (
	"month" text NOT NULL,
	"user_id" uuid NOT NULL,
	"proposals" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_reminders_month_user_id_pk" PRIMARY KEY("month","user_id")
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"month" text NOT NULL,
	"volume_percent" integer NOT NULL,
	"money_spent" bigint NOT NULL,
	"problems" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_reports_figures_check" CHECK ("progress_reports"."volume_percent" between 0 and 100 and "progress_reports"."money_spent" >= 0)
);
--> statement-breakpoint
CREATE TABLE "proposal_acceptances" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"minutes_number" text NOT NULL,
	"result" text NOT NULL,
	"accepted_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"required_authority" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_authority" text,
	"decision_number" text,
	"decision_note" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposal_advances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"amount" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"basis" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_advances_amount_check" CHECK ("proposal_advances"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "proposal_contracts" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"signed_on" date NOT NULL,
	"value" bigint NOT NULL,
	"selection_method" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_contracts_value_check" CHECK ("proposal_contracts"."value" > 0)
);
--> statement-breakpoint
CREATE TABLE "proposal_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"done_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"findings" text,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_settlements" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"settled_amount" bigint NOT NULL,
	"advanced_total" bigint NOT NULL,
	"refund_amount" bigint NOT NULL,
	"settled_on" date NOT NULL,
	"late" boolean NOT NULL,
	"liquidation_deadline" date NOT NULL,
	"past_liquidation_deadline" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_settlements_amounts_check" CHECK ("proposal_settlements"."settled_amount" >= 0 and "proposal_settlements"."advanced_total" >= 0 and "proposal_settlements"."refund_amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "progress_reminders" ADD CONSTRAINT "progress_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_acceptances" ADD CONSTRAINT "proposal_acceptances_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_acceptances" ADD CONSTRAINT "proposal_acceptances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_adjustments" ADD CONSTRAINT "proposal_adjustments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_adjustments" ADD CONSTRAINT "proposal_adjustments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_adjustments" ADD CONSTRAINT "proposal_adjustments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_advances" ADD CONSTRAINT "proposal_advances_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_advances" ADD CONSTRAINT "proposal_advances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_contracts" ADD CONSTRAINT "proposal_contracts_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_contracts" ADD CONSTRAINT "proposal_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_inspections" ADD CONSTRAINT "proposal_inspections_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_inspections" ADD CONSTRAINT "proposal_inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_settlements" ADD CONSTRAINT "proposal_settlements_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_settlements" ADD CONSTRAINT "proposal_settlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_month_idx" ON "progress_reports" USING btree ("proposal_id","month");--> statement-breakpoint
CREATE INDEX "proposal_adjustments_proposal_idx" ON "proposal_adjustments" USING btree ("proposal_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_advances_seq_idx" ON "proposal_advances" USING btree ("proposal_id","seq");--> statement-breakpoint
CREATE INDEX "proposal_inspections_proposal_idx" ON "proposal_inspections" USING btree ("proposal_id","planned_on");