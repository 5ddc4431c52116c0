#!/bin/sh
# tls_certs.sh DIR - a throw-away CA and the server certificates odbc_tls uses:
#   ca.pem                 the CA (TrustedCerts)
#   good.pem/good.key      for DNS:localhost only, valid now (connecting to 127.0.0.1 is a name mismatch)
#   expired.pem/.key       for DNS:localhost, expired a day ago
# Made with openssl at test time; nothing here is kept.
set -e
d=$1
mkdir -p "$d/ca.db"
cd "$d"
: > ca.db/index.txt
echo 1000 > ca.db/serial
cat > ca.cnf <<'CNF'
[ca]
default_ca = test_ca
[test_ca]
dir = ca.db
database = ca.db/index.txt
serial = ca.db/serial
new_certs_dir = ca.db
default_md = sha256
policy = any
unique_subject = no
copy_extensions = copy
[any]
commonName = supplied
[srv]
subjectAltName = DNS:localhost
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CNF
q="-batch -notext -config ca.cnf -cert ca.pem -keyfile ca.key -extensions srv"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=athena-odbc test CA" 2>/dev/null
for name in good expired; do
    openssl req -newkey rsa:2048 -nodes -keyout $name.key -out $name.csr -subj "/CN=localhost" 2>/dev/null
done
openssl ca $q -in good.csr -out good.pem -days 2 2>/dev/null
openssl ca $q -in expired.csr -out expired.pem -startdate 20200101000000Z -enddate "$(date -u -d yesterday +%Y%m%d%H%M%SZ)" 2>/dev/null
