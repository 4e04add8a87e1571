CREATE TABLE "programme_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"activity_types" text[] NOT NULL,
	"target" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_targets_target_check" CHECK ("programme_targets"."target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"scope" text NOT NULL,
	"province_code" text,
	"name" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_code_unique" UNIQUE("code"),
	CONSTRAINT "programmes_scope_check" CHECK ("programmes"."scope" in ('national', 'local')),
	CONSTRAINT "programmes_province_check" CHECK (("programmes"."scope" = 'national') = ("programmes"."province_code" is null)),
	CONSTRAINT "programmes_period_check" CHECK ("programmes"."to_year" >= "programmes"."from_year")
);
--> statement-breakpoint
ALTER TABLE "programme_targets" ADD CONSTRAINT "programme_targets_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_targets_metric_idx" ON "programme_targets" USING btree ("programme_id","metric");