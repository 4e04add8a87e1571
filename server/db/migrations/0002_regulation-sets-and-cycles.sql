CREATE TABLE "cycle_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_extensions_stage_check" CHECK ("cycle_extensions"."stage" in ('registration', 'dossier'))
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme" text DEFAULT 'national' NOT NULL,
	"province_code" text,
	"plan_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"dossier_deadline" timestamp with time zone NOT NULL,
	"budget_envelope" bigint DEFAULT 0 NOT NULL,
	"regulation_set_id" uuid NOT NULL,
	"guidance_letter_number" text,
	"guidance_letter_date" date,
	"orientations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_programme_check" CHECK ("cycles"."programme" in ('national', 'local')),
	CONSTRAINT "cycles_status_check" CHECK ("cycles"."status" in ('draft', 'open', 'registration_closed', 'dossier_closed', 'appraisal', 'approved', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "regulation_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"programme" text NOT NULL,
	"province_code" text,
	"effective_from_year" integer NOT NULL,
	"effective_to_year" integer,
	"body" jsonb NOT NULL,
	"previous_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_sets_programme_check" CHECK ("regulation_sets"."programme" in ('national', 'local'))
);
--> statement-breakpoint
ALTER TABLE "cycle_extensions" ADD CONSTRAINT "cycle_extensions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_extensions" ADD CONSTRAINT "cycle_extensions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_regulation_set_id_regulation_sets_id_fk" FOREIGN KEY ("regulation_set_id") REFERENCES "public"."regulation_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_extensions_cycle_org_idx" ON "cycle_extensions" USING btree ("cycle_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_programme_province_year_idx" ON "cycles" USING btree ("programme",coalesce("province_code", ''),"plan_year");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_sets_code_version_idx" ON "regulation_sets" USING btree ("code","version");