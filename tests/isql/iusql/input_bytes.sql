SELECT to_hex(to_utf8('é')) AS h, length('é') AS n
