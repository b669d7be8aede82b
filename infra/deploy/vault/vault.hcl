# Vault for compose.yaml (single node, raft storage, TLS). kubernetes/vault.yaml has its own.
ui = false
disable_mlock = true
listener "tcp" {
  address         = "0.0.0.0:8200"
  cluster_address = "0.0.0.0:8201"
  tls_cert_file   = "/vault/tls/tls.crt"
  tls_key_file    = "/vault/tls/tls.key"
}
storage "raft" {
  path    = "/vault/data"
  node_id = "vault"
}
api_addr     = "https://vault:8200"
cluster_addr = "https://vault:8201"
