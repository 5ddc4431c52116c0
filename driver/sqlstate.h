/* sqlstate.h - the one table of the ODBC-level SQLSTATEs the driver posts:
 * each with its default message text and the state an ODBC 2 application
 * (SQL_ATTR_ODBC_VERSION = SQL_OV_ODBC2) sees instead. Code posts a
 * diagnostic by naming an entry (diag_set in diag.h), never by typing a
 * SQLSTATE string. */
#ifndef ATHENA_SQLSTATE_H
#define ATHENA_SQLSTATE_H

typedef enum sqlstate_id {
    SS_01000,  /* general warning */
    SS_01004,  /* string data, right truncated */
    SS_01S02,  /* option value changed */
    SS_01S07,  /* fractional truncation */
    SS_07002,  /* COUNT field incorrect (parameter markers vs values) */
    SS_07005,  /* prepared statement not a cursor-specification */
    SS_07006,  /* restricted data type attribute violation */
    SS_07009,  /* invalid descriptor index */
    SS_08001,  /* client unable to establish connection */
    SS_08002,  /* connection name in use */
    SS_08003,  /* connection not open */
    SS_08S01,  /* communication link failure */
    SS_22001,  /* string data, right truncated (input) */
    SS_22002,  /* indicator variable required but not supplied */
    SS_22003,  /* numeric value out of range */
    SS_22007,  /* invalid datetime format */
    SS_22008,  /* datetime field overflow */
    SS_22012,  /* division by zero */
    SS_22015,  /* interval field overflow */
    SS_22018,  /* invalid character value for cast specification */
    SS_24000,  /* invalid cursor state */
    SS_28000,  /* invalid authorization specification */
    SS_34000,  /* invalid cursor name */
    SS_3C000,  /* duplicate cursor name */
    SS_42000,  /* syntax error or access violation */
    SS_42S02,  /* base table or view not found */
    SS_42S22,  /* column not found */
    SS_HY000,  /* general error */
    SS_HY001,  /* memory allocation error */
    SS_HY003,  /* invalid application buffer type */
    SS_HY004,  /* invalid SQL data type */
    SS_HY007,  /* associated statement is not prepared */
    SS_HY008,  /* operation canceled */
    SS_HY009,  /* invalid use of null pointer */
    SS_HY010,  /* function sequence error */
    SS_HY011,  /* attribute cannot be set now */
    SS_HY012,  /* invalid transaction operation code */
    SS_HY016,  /* cannot modify an implementation row descriptor */
    SS_HY017,  /* invalid use of an automatically allocated descriptor handle */
    SS_HY019,  /* non-character and non-binary data sent in pieces */
    SS_HY020,  /* attempt to concatenate a null value */
    SS_HY024,  /* invalid attribute value */
    SS_HY090,  /* invalid string or buffer length */
    SS_HY091,  /* invalid descriptor field identifier */
    SS_HY092,  /* invalid attribute/option identifier */
    SS_HY096,  /* invalid information type */
    SS_HY097,  /* column type out of range */
    SS_HY098,  /* scope type out of range */
    SS_HY099,  /* nullable type out of range */
    SS_HY100,  /* uniqueness option type out of range */
    SS_HY101,  /* accuracy option type out of range */
    SS_HY104,  /* invalid precision or scale value */
    SS_HY105,  /* invalid parameter type */
    SS_HY106,  /* fetch type out of range */
    SS_HY107,  /* row value out of range */
    SS_HY109,  /* invalid cursor position */
    SS_HY110,  /* invalid driver completion */
    SS_HYC00,  /* optional feature not implemented */
    SS_HYT00,  /* timeout expired */
    SS_HYT01,  /* connection timeout expired */
    SS_IM001,  /* driver does not support this function */
    SS_COUNT
} sqlstate_id;

typedef struct sqlstate_info {
    const char *state;      /* ODBC 3 SQLSTATE */
    const char *odbc2;      /* what an ODBC 2 application sees */
    const char *text;       /* default message text */
} sqlstate_info;

/* The entry of id (HY000's for an id out of range). */
const sqlstate_info *sqlstate_get(sqlstate_id id);

#endif
