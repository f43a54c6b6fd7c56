CREATE TABLE `publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`status` text DEFAULT 'uploading' NOT NULL,
	`bucket` text NOT NULL,
	`endpoint` text,
	`region` text NOT NULL,
	`error` text,
	`started_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `publications_job_idx` ON `publications` (`job_id`);--> statement-breakpoint
CREATE TABLE `published_objects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`publication_id` integer NOT NULL,
	`clip_id` integer,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`title` text,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`unchanged` integer DEFAULT false NOT NULL,
	`etag` text,
	`url` text,
	`url_expires_at` integer,
	`completed_at` integer,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`clip_id`) REFERENCES `clips`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `published_objects_publication_idx` ON `published_objects` (`publication_id`);--> statement-breakpoint
CREATE TABLE `multipart_parts` (
	`upload_row_id` integer NOT NULL,
	`part_number` integer NOT NULL,
	`etag` text NOT NULL,
	`size` integer NOT NULL,
	PRIMARY KEY(`upload_row_id`, `part_number`),
	FOREIGN KEY (`upload_row_id`) REFERENCES `multipart_uploads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `multipart_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint` text NOT NULL,
	`bucket` text NOT NULL,
	`key` text NOT NULL,
	`sha256` text NOT NULL,
	`upload_id` text NOT NULL,
	`part_size` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `multipart_uploads_target_idx` ON `multipart_uploads` (`endpoint`,`bucket`,`key`,`sha256`);