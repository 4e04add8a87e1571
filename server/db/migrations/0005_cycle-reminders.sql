CREATE TABLE "cycle_reminders" (
	"cycle_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cycle_reminders_cycle_id_stage_organization_id_days_before_pk" PRIMARY KEY("cycle_id","stage","organization_id","days_before"),
	CONSTRAINT "cycle_reminders_stage_check" CHECK ("cycle_reminders"."stage" in ('registration', 'dossier'))
);
--> statement-breakpoint
ALTER TABLE "cycle_reminders" ADD CONSTRAINT "cycle_reminders_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_reminders" ADD CONSTRAINT "cycle_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;