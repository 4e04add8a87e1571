CREATE TABLE "implementation_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"inspection_id" uuid,
	"progress_report_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "implementation_photos_owner_check" CHECK (("implementation_photos"."inspection_id" is null) <> ("implementation_photos"."progress_report_id" is null))
);
--> statement-breakpoint
ALTER TABLE "implementation_photos" ADD CONSTRAINT "implementation_photos_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_photos" ADD CONSTRAINT "implementation_photos_inspection_id_proposal_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."proposal_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_photos" ADD CONSTRAINT "implementation_photos_progress_report_id_progress_reports_id_fk" FOREIGN KEY ("progress_report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_photos" ADD CONSTRAINT "implementation_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "implementation_photos_proposal_idx" ON "implementation_photos" USING btree ("proposal_id");