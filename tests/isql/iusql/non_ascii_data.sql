SELECT chr(233) AS e_acute, chr(252) AS u_umlaut, chr(26085) AS ri, chr(128512) AS emoji, length(chr(128512)) AS n, to_hex(to_utf8(chr(128512))) AS utf8
SELECT 'x' || chr(128512) || 'y' AS emoji_inside, 'caf' || chr(233) AS latin1
SELECT id, c_varchar10, c_char, c_map, c_row FROM all_types WHERE id = 6
