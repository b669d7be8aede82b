path "transit/encrypt/kursfilm-master" { capabilities = ["update"] }
path "transit/decrypt/kursfilm-master" { capabilities = ["update"] }
path "transit/keys/kursfilm-tenant-*" { capabilities = ["create", "read", "update", "delete"] }
path "transit/keys/kursfilm-tenant-*/config" { capabilities = ["create", "read", "update", "delete"] }
path "transit/encrypt/kursfilm-tenant-*" { capabilities = ["update"] }
path "transit/decrypt/kursfilm-tenant-*" { capabilities = ["update"] }
