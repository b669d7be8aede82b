#!/bin/sh
set -eu
# Trust the cluster CA that signed MinIO's certificate.
mkdir -p "$HOME/.mc/certs/CAs"
cp /etc/minio-ca/ca.crt "$HOME/.mc/certs/CAs/kursfilm-ca.crt"
mc alias set kf "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc admin policy create kf kursfilm-app /config/kursfilm-app-policy.json
mc admin user add kf "$KURSFILM_S3_ACCESS_KEY" "$KURSFILM_S3_SECRET_KEY"
# Fails when the policy is attached already (a re-run).
mc admin policy attach kf kursfilm-app --user "$KURSFILM_S3_ACCESS_KEY" 2>/dev/null || true
bad=0
for bucket in $(mc ls kf | awk '{print $NF}' | tr -d / | grep '^kursfilm-' || true); do
  status=$(mc version info "kf/$bucket" 2>&1 || true)
  case "$status" in
    *"un-versioned"*|*"not enabled"*) ;;
    *) echo "versioning is not off on $bucket: $status" >&2; bad=1 ;;
  esac
done
exit "$bad"
