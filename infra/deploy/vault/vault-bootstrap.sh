#!/bin/sh
set -eu
vault secrets enable -path=transit transit
# derived=true: the app sends its associated data (tenant and object) as Transit's context,
# which Vault binds to the ciphertext only on a derived key (VaultTransitAead). Not exportable.
vault write -f transit/keys/kursfilm-master type=aes256-gcm96 derived=true
vault policy write kursfilm-app /vault/config/kursfilm-app.hcl
vault policy write kursfilm-worker /vault/config/kursfilm-worker.hcl
# Periodic tokens: no max TTL, but each must be renewed within its period (vault token renew;
# the app does not renew its token). Put them into the Secret
# kursfilm-vault (keys app-token, worker-token), never into a file of the repository.
echo "app token:"
vault token create -policy=kursfilm-app -period=768h -orphan -field=token
echo
echo "worker token:"
vault token create -policy=kursfilm-worker -period=768h -orphan -field=token
echo
