CREATE TABLE "assets" (
	"key" text PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"bytes" integer DEFAULT 0 NOT NULL,
	"meta" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "branches" (
	"id" text PRIMARY KEY NOT NULL,
	"film_id" text NOT NULL,
	"name" text NOT NULL,
	"head_cut_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cut_shots" (
	"cut_id" text NOT NULL,
	"shot_id" text NOT NULL,
	"scene_id" text NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"render_key" text,
	"mix_key" text,
	"frames" integer,
	"reused" boolean,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cut_shots_cut_id_shot_id_pk" PRIMARY KEY("cut_id","shot_id")
);
--> statement-breakpoint
CREATE TABLE "cuts" (
	"id" text PRIMARY KEY NOT NULL,
	"film_id" text NOT NULL,
	"branch_id" text NOT NULL,
	"parent_cut_id" text,
	"message_id" text,
	"screenplay" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"film_key" text,
	"duration_seconds" real,
	"shots_rendered" integer DEFAULT 0 NOT NULL,
	"shots_reused" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "films" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"title" text NOT NULL,
	"logline" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_results" (
	"id" text PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"key" text NOT NULL,
	"cut_id" text,
	"status" text NOT NULL,
	"error" text,
	"ms" integer,
	"worker" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"film_id" text NOT NULL,
	"branch_id" text,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"target" jsonb,
	"cut_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "takes" (
	"film_id" text NOT NULL,
	"shot_id" text NOT NULL,
	"render_key" text NOT NULL,
	"take" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "takes_film_id_shot_id_render_key_pk" PRIMARY KEY("film_id","shot_id","render_key")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "branches" ADD CONSTRAINT "branches_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cut_shots" ADD CONSTRAINT "cut_shots_cut_id_cuts_id_fk" FOREIGN KEY ("cut_id") REFERENCES "public"."cuts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuts" ADD CONSTRAINT "cuts_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuts" ADD CONSTRAINT "cuts_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "films" ADD CONSTRAINT "films_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takes" ADD CONSTRAINT "takes_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "branches_film_name_idx" ON "branches" USING btree ("film_id","name");--> statement-breakpoint
CREATE INDEX "cut_shots_render_idx" ON "cut_shots" USING btree ("render_key");--> statement-breakpoint
CREATE INDEX "cut_shots_mix_idx" ON "cut_shots" USING btree ("mix_key");--> statement-breakpoint
CREATE INDEX "cuts_film_idx" ON "cuts" USING btree ("film_id","created_at");--> statement-breakpoint
CREATE INDEX "films_owner_idx" ON "films" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "job_results_cut_idx" ON "job_results" USING btree ("cut_id");--> statement-breakpoint
CREATE INDEX "messages_film_idx" ON "messages" USING btree ("film_id","created_at");