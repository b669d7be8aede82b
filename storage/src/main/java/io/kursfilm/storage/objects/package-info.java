/** S3-compatible object storage (MinIO in production, S3Proxy locally) through minio-java. */
package io.kursfilm.storage.objects;
