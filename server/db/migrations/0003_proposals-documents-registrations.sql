CREATE TABLE "base_appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"result" text NOT NULL,
	"comments" text,
	"recommended_funding" bigint,
	"appraised_by" uuid,
	"appraised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "base_appraisals_result_check" CHECK ("base_appraisals"."result" in ('pass', 'return', 'reject'))
);
--> statement-breakpoint
CREATE TABLE "proposal_code_counters" (
	"programme" text NOT NULL,
	"plan_year" integer NOT NULL,
	"province_code" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "proposal_code_counters_programme_plan_year_province_code_pk" PRIMARY KEY("programme","plan_year","province_code")
);
--> statement-breakpoint
CREATE TABLE "proposal_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposal_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"reason" text,
	"due_date" date,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"cycle_id" uuid NOT NULL,
	"programme" text DEFAULT 'national' NOT NULL,
	"plan_year" integer NOT NULL,
	"province_code" text NOT NULL,
	"implementing_organization_id" uuid NOT NULL,
	"coordinating_organization_id" uuid,
	"activity_type" text NOT NULL,
	"title" text NOT NULL,
	"is_pilot" boolean DEFAULT false NOT NULL,
	"is_group_project" boolean DEFAULT false NOT NULL,
	"beneficiary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"location" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"start_date" date,
	"end_date" date,
	"budget_total" bigint DEFAULT 0 NOT NULL,
	"budget_requested" bigint DEFAULT 0 NOT NULL,
	"budget_counterpart" bigint DEFAULT 0 NOT NULL,
	"budget_other" bigint DEFAULT 0 NOT NULL,
	"priority_area" boolean DEFAULT false NOT NULL,
	"priority_industry" boolean DEFAULT false NOT NULL,
	"women_owned" boolean DEFAULT false NOT NULL,
	"ethnic_minority_owned" boolean DEFAULT false NOT NULL,
	"orientations" text[] DEFAULT '{}'::text[] NOT NULL,
	"outputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"selection_method" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_funding" bigint,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_code_unique" UNIQUE("code"),
	CONSTRAINT "proposals_budget_check" CHECK ("proposals"."budget_total" >= 0 and "proposals"."budget_requested" >= 0 and "proposals"."budget_counterpart" >= 0 and "proposals"."budget_other" >= 0)
);
--> statement-breakpoint
CREATE TABLE "registration_items" (
	"registration_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	CONSTRAINT "registration_items_registration_id_proposal_id_pk" PRIMARY KEY("registration_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"province_code" text,
	"letter_number" text NOT NULL,
	"letter_date" date NOT NULL,
	"letter_document_id" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "base_appraisals" ADD CONSTRAINT "base_appraisals_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_appraisals" ADD CONSTRAINT "base_appraisals_appraised_by_users_id_fk" FOREIGN KEY ("appraised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_documents" ADD CONSTRAINT "proposal_documents_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_documents" ADD CONSTRAINT "proposal_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_transitions" ADD CONSTRAINT "proposal_transitions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_implementing_organization_id_organizations_id_fk" FOREIGN KEY ("implementing_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_coordinating_organization_id_organizations_id_fk" FOREIGN KEY ("coordinating_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_items" ADD CONSTRAINT "registration_items_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_items" ADD CONSTRAINT "registration_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "base_appraisals_proposal_idx" ON "base_appraisals" USING btree ("proposal_id","appraised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_documents_kind_version_idx" ON "proposal_documents" USING btree ("proposal_id","kind","version");--> statement-breakpoint
CREATE INDEX "proposal_documents_current_idx" ON "proposal_documents" USING btree ("proposal_id") WHERE "proposal_documents"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "proposal_transitions_proposal_idx" ON "proposal_transitions" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE INDEX "proposals_cycle_status_idx" ON "proposals" USING btree ("cycle_id","status");--> statement-breakpoint
CREATE INDEX "proposals_province_year_idx" ON "proposals" USING btree ("province_code","plan_year");--> statement-breakpoint
CREATE INDEX "proposals_org_idx" ON "proposals" USING btree ("implementing_organization_id");--> statement-breakpoint
CREATE INDEX "registrations_cycle_org_idx" ON "registrations" USING btree ("cycle_id","organization_id");