ALTER TABLE "messages" ADD COLUMN "request_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_request_idx" ON "messages" USING btree ("film_id","request_id");