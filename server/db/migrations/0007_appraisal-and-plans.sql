CREATE TABLE "appraisal_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"warnings" text[] DEFAULT '{}'::text[] NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"appraiser_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"conflict_of_interest" boolean DEFAULT false NOT NULL,
	"conflict_note" text,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"score" integer,
	"recommendation" text,
	"recommended_funding" bigint,
	"comments" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisals_status_check" CHECK ("appraisals"."status" in ('draft', 'submitted')),
	CONSTRAINT "appraisals_recommendation_check" CHECK ("appraisals"."recommendation" is null or "appraisals"."recommendation" in ('recommended', 'not_recommended')),
	CONSTRAINT "appraisals_score_check" CHECK ("appraisals"."score" is null or ("appraisals"."score" >= 0 and "appraisals"."score" <= 100)),
	CONSTRAINT "appraisals_funding_check" CHECK ("appraisals"."recommended_funding" is null or "appraisals"."recommended_funding" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"plan_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"in_plan" boolean NOT NULL,
	"province_code" text NOT NULL,
	"activity_type" text NOT NULL,
	"approved_funding" bigint NOT NULL,
	CONSTRAINT "plan_items_plan_id_proposal_id_pk" PRIMARY KEY("plan_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"plan_year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'approved' NOT NULL,
	"budget_envelope" bigint NOT NULL,
	"total_funding" bigint NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('approved', 'superseded'))
);
--> statement-breakpoint
ALTER TABLE "appraisal_assignments" ADD CONSTRAINT "appraisal_assignments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_assignments" ADD CONSTRAINT "appraisal_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_assignments" ADD CONSTRAINT "appraisal_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_appraiser_id_users_id_fk" FOREIGN KEY ("appraiser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_assignments_proposal_user_idx" ON "appraisal_assignments" USING btree ("proposal_id","user_id");--> statement-breakpoint
CREATE INDEX "appraisal_assignments_user_idx" ON "appraisal_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appraisals_proposal_appraiser_idx" ON "appraisals" USING btree ("proposal_id","appraiser_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_cycle_version_idx" ON "plans" USING btree ("cycle_id","version");