path "transit/decrypt/kursfilm-master" { capabilities = ["update"] }
path "transit/decrypt/kursfilm-tenant-*" { capabilities = ["update"] }
