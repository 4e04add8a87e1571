CREATE TABLE "typical_product_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_name" text NOT NULL,
	"product_group" text NOT NULL,
	"establishment_name" text NOT NULL,
	"establishment_tax_code" text NOT NULL,
	"province_code" text NOT NULL,
	"current_province_code" text NOT NULL,
	"commune" text,
	"level" text NOT NULL,
	"selection_round" text,
	"selection_year" integer NOT NULL,
	"certificate_number" text NOT NULL,
	"issue_date" date NOT NULL,
	"valid_until" date NOT NULL,
	"issuing_body" text NOT NULL,
	"scan_storage_key" text,
	"scan_file_name" text,
	"scan_content_type" text,
	"scan_size" bigint,
	"scan_sha256" text,
	"scan_uploaded_at" timestamp with time zone,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "typical_product_certificates_level_check" CHECK ("typical_product_certificates"."level" in ('provincial', 'regional', 'national')),
	CONSTRAINT "typical_product_certificates_group_check" CHECK ("typical_product_certificates"."product_group" in ('handicrafts', 'food_processing', 'machinery_tools', 'other')),
	CONSTRAINT "typical_product_certificates_validity_check" CHECK ("typical_product_certificates"."valid_until" >= "typical_product_certificates"."issue_date")
);
--> statement-breakpoint
CREATE TABLE "typical_product_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"revenue" bigint NOT NULL,
	"export_revenue" bigint,
	"workers" integer NOT NULL,
	"output_quantity" double precision,
	"output_unit" text,
	"notes" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "typical_product_reports_figures_check" CHECK ("typical_product_reports"."revenue" >= 0 and "typical_product_reports"."workers" >= 0 and ("typical_product_reports"."export_revenue" is null or "typical_product_reports"."export_revenue" >= 0))
);
--> statement-breakpoint
ALTER TABLE "typical_product_certificates" ADD CONSTRAINT "typical_product_certificates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_product_reports" ADD CONSTRAINT "typical_product_reports_certificate_id_typical_product_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."typical_product_certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_product_reports" ADD CONSTRAINT "typical_product_reports_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "typical_product_certificates_number_idx" ON "typical_product_certificates" USING btree ("issuing_body","certificate_number");--> statement-breakpoint
CREATE INDEX "typical_product_certificates_province_idx" ON "typical_product_certificates" USING btree ("current_province_code","level");--> statement-breakpoint
CREATE INDEX "typical_product_certificates_tax_code_idx" ON "typical_product_certificates" USING btree ("establishment_tax_code");--> statement-breakpoint
CREATE UNIQUE INDEX "typical_product_reports_certificate_year_idx" ON "typical_product_reports" USING btree ("certificate_id","year");