/* odbc_info.c - what the driver says about itself, through the unixODBC
 * driver manager like an application:
 *  - SQLGetInfo for every information type of ODBC 3.8 (and the ODBC 2 ones
 *    still answered), dumped one line per type in the order of the
 *    specification's list and compared line by line with
 *    tests/odbc/expected/getinfo.txt; value sizes, SQLGetInfoW, truncation,
 *    unknown types;
 *  - SQLGetFunctions: the driver's own answer (called directly, with the
 *    driver's connection handle) against the functions the driver library
 *    really exports, in both directions; what the driver manager then reports;
 *  - SQLGetTypeInfo: every row against tests/odbc/expected/typeinfo.txt, single
 *    types, unknown and invalid types, ODBC 2 codes, UseWCharForStringTypes;
 *  - the behaviour behind some answers (SQLGetData extensions, cursors kept
 *    across SQLEndTran, several active statements, refused options).
 * ATHENA_INFO_WRITE=<dir> also writes the dumps produced to <dir>, for review
 * when an answer changes on purpose. */
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "odbc_util.h"

typedef struct named {
    SQLULEN value;
    const char *name;
} named;
#define N(x) {(SQLULEN)(x), #x}

/* Names of the values and bits of each information type, from sql.h and sqlext.h. */
static const named n_af[] = {N(SQL_AF_AVG), N(SQL_AF_COUNT), N(SQL_AF_MAX), N(SQL_AF_MIN), N(SQL_AF_SUM),
    N(SQL_AF_DISTINCT), N(SQL_AF_ALL), {0, NULL}};
static const named n_at[] = {N(SQL_AT_ADD_COLUMN), N(SQL_AT_DROP_COLUMN), N(SQL_AT_ADD_CONSTRAINT),
    N(SQL_AT_ADD_COLUMN_SINGLE), N(SQL_AT_ADD_COLUMN_DEFAULT), N(SQL_AT_ADD_COLUMN_COLLATION),
    N(SQL_AT_SET_COLUMN_DEFAULT), N(SQL_AT_DROP_COLUMN_DEFAULT), N(SQL_AT_DROP_COLUMN_CASCADE),
    N(SQL_AT_DROP_COLUMN_RESTRICT), N(SQL_AT_ADD_TABLE_CONSTRAINT), N(SQL_AT_DROP_TABLE_CONSTRAINT_CASCADE),
    N(SQL_AT_DROP_TABLE_CONSTRAINT_RESTRICT), N(SQL_AT_CONSTRAINT_NAME_DEFINITION),
    N(SQL_AT_CONSTRAINT_INITIALLY_DEFERRED), N(SQL_AT_CONSTRAINT_INITIALLY_IMMEDIATE),
    N(SQL_AT_CONSTRAINT_DEFERRABLE), N(SQL_AT_CONSTRAINT_NON_DEFERRABLE), {0, NULL}};
static const named n_cu[] = {N(SQL_CU_DML_STATEMENTS), N(SQL_CU_PROCEDURE_INVOCATION),
    N(SQL_CU_TABLE_DEFINITION), N(SQL_CU_INDEX_DEFINITION), N(SQL_CU_PRIVILEGE_DEFINITION), {0, NULL}};
static const named n_su[] = {N(SQL_SU_DML_STATEMENTS), N(SQL_SU_PROCEDURE_INVOCATION),
    N(SQL_SU_TABLE_DEFINITION), N(SQL_SU_INDEX_DEFINITION), N(SQL_SU_PRIVILEGE_DEFINITION), {0, NULL}};
static const named n_cvt[] = {N(SQL_CVT_CHAR), N(SQL_CVT_NUMERIC), N(SQL_CVT_DECIMAL), N(SQL_CVT_INTEGER),
    N(SQL_CVT_SMALLINT), N(SQL_CVT_FLOAT), N(SQL_CVT_REAL), N(SQL_CVT_DOUBLE), N(SQL_CVT_VARCHAR),
    N(SQL_CVT_LONGVARCHAR), N(SQL_CVT_BINARY), N(SQL_CVT_VARBINARY), N(SQL_CVT_BIT), N(SQL_CVT_TINYINT),
    N(SQL_CVT_BIGINT), N(SQL_CVT_DATE), N(SQL_CVT_TIME), N(SQL_CVT_TIMESTAMP), N(SQL_CVT_LONGVARBINARY),
    N(SQL_CVT_INTERVAL_YEAR_MONTH), N(SQL_CVT_INTERVAL_DAY_TIME), N(SQL_CVT_WCHAR), N(SQL_CVT_WLONGVARCHAR),
    N(SQL_CVT_WVARCHAR), N(SQL_CVT_GUID), {0, NULL}};
static const named n_fn_cvt[] = {N(SQL_FN_CVT_CONVERT), N(SQL_FN_CVT_CAST), {0, NULL}};
static const named n_cs[] = {N(SQL_CS_CREATE_SCHEMA), N(SQL_CS_AUTHORIZATION),
    N(SQL_CS_DEFAULT_CHARACTER_SET), {0, NULL}};
static const named n_ct[] = {N(SQL_CT_CREATE_TABLE), N(SQL_CT_COMMIT_PRESERVE), N(SQL_CT_COMMIT_DELETE),
    N(SQL_CT_GLOBAL_TEMPORARY), N(SQL_CT_LOCAL_TEMPORARY), N(SQL_CT_CONSTRAINT_INITIALLY_DEFERRED),
    N(SQL_CT_CONSTRAINT_INITIALLY_IMMEDIATE), N(SQL_CT_CONSTRAINT_DEFERRABLE),
    N(SQL_CT_CONSTRAINT_NON_DEFERRABLE), N(SQL_CT_COLUMN_CONSTRAINT), N(SQL_CT_COLUMN_DEFAULT),
    N(SQL_CT_COLUMN_COLLATION), N(SQL_CT_TABLE_CONSTRAINT), N(SQL_CT_CONSTRAINT_NAME_DEFINITION), {0, NULL}};
static const named n_cv[] = {N(SQL_CV_CREATE_VIEW), N(SQL_CV_CHECK_OPTION), N(SQL_CV_CASCADED),
    N(SQL_CV_LOCAL), {0, NULL}};
static const named n_dl[] = {N(SQL_DL_SQL92_DATE), N(SQL_DL_SQL92_TIME), N(SQL_DL_SQL92_TIMESTAMP),
    N(SQL_DL_SQL92_INTERVAL_YEAR), N(SQL_DL_SQL92_INTERVAL_MONTH), N(SQL_DL_SQL92_INTERVAL_DAY),
    N(SQL_DL_SQL92_INTERVAL_HOUR), N(SQL_DL_SQL92_INTERVAL_MINUTE), N(SQL_DL_SQL92_INTERVAL_SECOND),
    N(SQL_DL_SQL92_INTERVAL_YEAR_TO_MONTH), N(SQL_DL_SQL92_INTERVAL_DAY_TO_HOUR),
    N(SQL_DL_SQL92_INTERVAL_DAY_TO_MINUTE), N(SQL_DL_SQL92_INTERVAL_DAY_TO_SECOND),
    N(SQL_DL_SQL92_INTERVAL_HOUR_TO_MINUTE), N(SQL_DL_SQL92_INTERVAL_HOUR_TO_SECOND),
    N(SQL_DL_SQL92_INTERVAL_MINUTE_TO_SECOND), {0, NULL}};
static const named n_ds[] = {N(SQL_DS_DROP_SCHEMA), N(SQL_DS_RESTRICT), N(SQL_DS_CASCADE), {0, NULL}};
static const named n_dt[] = {N(SQL_DT_DROP_TABLE), N(SQL_DT_RESTRICT), N(SQL_DT_CASCADE), {0, NULL}};
static const named n_dv[] = {N(SQL_DV_DROP_VIEW), N(SQL_DV_RESTRICT), N(SQL_DV_CASCADE), {0, NULL}};
static const named n_ca1[] = {N(SQL_CA1_NEXT), N(SQL_CA1_ABSOLUTE), N(SQL_CA1_RELATIVE), N(SQL_CA1_BOOKMARK),
    N(SQL_CA1_LOCK_NO_CHANGE), N(SQL_CA1_LOCK_EXCLUSIVE), N(SQL_CA1_LOCK_UNLOCK), N(SQL_CA1_POS_POSITION),
    N(SQL_CA1_POS_UPDATE), N(SQL_CA1_POS_DELETE), N(SQL_CA1_POS_REFRESH), N(SQL_CA1_POSITIONED_UPDATE),
    N(SQL_CA1_POSITIONED_DELETE), N(SQL_CA1_SELECT_FOR_UPDATE), N(SQL_CA1_BULK_ADD),
    N(SQL_CA1_BULK_UPDATE_BY_BOOKMARK), N(SQL_CA1_BULK_DELETE_BY_BOOKMARK), N(SQL_CA1_BULK_FETCH_BY_BOOKMARK),
    {0, NULL}};
static const named n_ca2[] = {N(SQL_CA2_READ_ONLY_CONCURRENCY), N(SQL_CA2_LOCK_CONCURRENCY),
    N(SQL_CA2_OPT_ROWVER_CONCURRENCY), N(SQL_CA2_OPT_VALUES_CONCURRENCY), N(SQL_CA2_SENSITIVITY_ADDITIONS),
    N(SQL_CA2_SENSITIVITY_DELETIONS), N(SQL_CA2_SENSITIVITY_UPDATES), N(SQL_CA2_MAX_ROWS_SELECT),
    N(SQL_CA2_MAX_ROWS_INSERT), N(SQL_CA2_MAX_ROWS_DELETE), N(SQL_CA2_MAX_ROWS_UPDATE),
    N(SQL_CA2_MAX_ROWS_CATALOG), N(SQL_CA2_MAX_ROWS_AFFECTS_ALL), N(SQL_CA2_CRC_EXACT),
    N(SQL_CA2_CRC_APPROXIMATE), N(SQL_CA2_SIMULATE_NON_UNIQUE), N(SQL_CA2_SIMULATE_TRY_UNIQUE),
    N(SQL_CA2_SIMULATE_UNIQUE), {0, NULL}};
static const named n_gd[] = {N(SQL_GD_ANY_COLUMN), N(SQL_GD_ANY_ORDER), N(SQL_GD_BLOCK), N(SQL_GD_BOUND),
    N(SQL_GD_OUTPUT_PARAMS), {0, NULL}};
static const named n_isv[] = {N(SQL_ISV_ASSERTIONS), N(SQL_ISV_CHARACTER_SETS), N(SQL_ISV_CHECK_CONSTRAINTS),
    N(SQL_ISV_COLLATIONS), N(SQL_ISV_COLUMN_DOMAIN_USAGE), N(SQL_ISV_COLUMN_PRIVILEGES), N(SQL_ISV_COLUMNS),
    N(SQL_ISV_CONSTRAINT_COLUMN_USAGE), N(SQL_ISV_CONSTRAINT_TABLE_USAGE), N(SQL_ISV_DOMAIN_CONSTRAINTS),
    N(SQL_ISV_DOMAINS), N(SQL_ISV_KEY_COLUMN_USAGE), N(SQL_ISV_REFERENTIAL_CONSTRAINTS), N(SQL_ISV_SCHEMATA),
    N(SQL_ISV_SQL_LANGUAGES), N(SQL_ISV_TABLE_CONSTRAINTS), N(SQL_ISV_TABLE_PRIVILEGES), N(SQL_ISV_TABLES),
    N(SQL_ISV_TRANSLATIONS), N(SQL_ISV_USAGE_PRIVILEGES), N(SQL_ISV_VIEW_COLUMN_USAGE),
    N(SQL_ISV_VIEW_TABLE_USAGE), N(SQL_ISV_VIEWS), {0, NULL}};
static const named n_ins[] = {N(SQL_IS_INSERT_LITERALS), N(SQL_IS_INSERT_SEARCHED), N(SQL_IS_SELECT_INTO),
    {0, NULL}};
static const named n_fn_num[] = {N(SQL_FN_NUM_ABS), N(SQL_FN_NUM_ACOS), N(SQL_FN_NUM_ASIN),
    N(SQL_FN_NUM_ATAN), N(SQL_FN_NUM_ATAN2), N(SQL_FN_NUM_CEILING), N(SQL_FN_NUM_COS), N(SQL_FN_NUM_COT),
    N(SQL_FN_NUM_EXP), N(SQL_FN_NUM_FLOOR), N(SQL_FN_NUM_LOG), N(SQL_FN_NUM_MOD), N(SQL_FN_NUM_SIGN),
    N(SQL_FN_NUM_SIN), N(SQL_FN_NUM_SQRT), N(SQL_FN_NUM_TAN), N(SQL_FN_NUM_PI), N(SQL_FN_NUM_RAND),
    N(SQL_FN_NUM_DEGREES), N(SQL_FN_NUM_LOG10), N(SQL_FN_NUM_POWER), N(SQL_FN_NUM_RADIANS),
    N(SQL_FN_NUM_ROUND), N(SQL_FN_NUM_TRUNCATE), {0, NULL}};
static const named n_oj[] = {N(SQL_OJ_LEFT), N(SQL_OJ_RIGHT), N(SQL_OJ_FULL), N(SQL_OJ_NESTED),
    N(SQL_OJ_NOT_ORDERED), N(SQL_OJ_INNER), N(SQL_OJ_ALL_COMPARISON_OPS), {0, NULL}};
static const named n_so[] = {N(SQL_SO_FORWARD_ONLY), N(SQL_SO_KEYSET_DRIVEN), N(SQL_SO_DYNAMIC),
    N(SQL_SO_MIXED), N(SQL_SO_STATIC), {0, NULL}};
static const named n_sdf[] = {N(SQL_SDF_CURRENT_DATE), N(SQL_SDF_CURRENT_TIME), N(SQL_SDF_CURRENT_TIMESTAMP),
    {0, NULL}};
static const named n_snvf[] = {N(SQL_SNVF_BIT_LENGTH), N(SQL_SNVF_CHAR_LENGTH), N(SQL_SNVF_CHARACTER_LENGTH),
    N(SQL_SNVF_EXTRACT), N(SQL_SNVF_OCTET_LENGTH), N(SQL_SNVF_POSITION), {0, NULL}};
static const named n_sp[] = {N(SQL_SP_EXISTS), N(SQL_SP_ISNOTNULL), N(SQL_SP_ISNULL), N(SQL_SP_MATCH_FULL),
    N(SQL_SP_MATCH_PARTIAL), N(SQL_SP_MATCH_UNIQUE_FULL), N(SQL_SP_MATCH_UNIQUE_PARTIAL), N(SQL_SP_OVERLAPS),
    N(SQL_SP_UNIQUE), N(SQL_SP_LIKE), N(SQL_SP_IN), N(SQL_SP_BETWEEN), N(SQL_SP_COMPARISON),
    N(SQL_SP_QUANTIFIED_COMPARISON), {0, NULL}};
static const named n_srjo[] = {N(SQL_SRJO_CORRESPONDING_CLAUSE), N(SQL_SRJO_CROSS_JOIN),
    N(SQL_SRJO_EXCEPT_JOIN), N(SQL_SRJO_FULL_OUTER_JOIN), N(SQL_SRJO_INNER_JOIN), N(SQL_SRJO_INTERSECT_JOIN),
    N(SQL_SRJO_LEFT_OUTER_JOIN), N(SQL_SRJO_NATURAL_JOIN), N(SQL_SRJO_RIGHT_OUTER_JOIN),
    N(SQL_SRJO_UNION_JOIN), {0, NULL}};
static const named n_srvc[] = {N(SQL_SRVC_VALUE_EXPRESSION), N(SQL_SRVC_NULL), N(SQL_SRVC_DEFAULT),
    N(SQL_SRVC_ROW_SUBQUERY), {0, NULL}};
static const named n_ssf[] = {N(SQL_SSF_CONVERT), N(SQL_SSF_LOWER), N(SQL_SSF_UPPER), N(SQL_SSF_SUBSTRING),
    N(SQL_SSF_TRANSLATE), N(SQL_SSF_TRIM_BOTH), N(SQL_SSF_TRIM_LEADING), N(SQL_SSF_TRIM_TRAILING), {0, NULL}};
static const named n_sve[] = {N(SQL_SVE_CASE), N(SQL_SVE_CAST), N(SQL_SVE_COALESCE), N(SQL_SVE_NULLIF),
    {0, NULL}};
static const named n_fn_str[] = {N(SQL_FN_STR_CONCAT), N(SQL_FN_STR_INSERT), N(SQL_FN_STR_LEFT),
    N(SQL_FN_STR_LTRIM), N(SQL_FN_STR_LENGTH), N(SQL_FN_STR_LOCATE), N(SQL_FN_STR_LCASE),
    N(SQL_FN_STR_REPEAT), N(SQL_FN_STR_REPLACE), N(SQL_FN_STR_RIGHT), N(SQL_FN_STR_RTRIM),
    N(SQL_FN_STR_SUBSTRING), N(SQL_FN_STR_UCASE), N(SQL_FN_STR_ASCII), N(SQL_FN_STR_CHAR),
    N(SQL_FN_STR_DIFFERENCE), N(SQL_FN_STR_LOCATE_2), N(SQL_FN_STR_SOUNDEX), N(SQL_FN_STR_SPACE),
    N(SQL_FN_STR_BIT_LENGTH), N(SQL_FN_STR_CHAR_LENGTH), N(SQL_FN_STR_CHARACTER_LENGTH),
    N(SQL_FN_STR_OCTET_LENGTH), N(SQL_FN_STR_POSITION), {0, NULL}};
static const named n_sq[] = {N(SQL_SQ_COMPARISON), N(SQL_SQ_EXISTS), N(SQL_SQ_IN), N(SQL_SQ_QUANTIFIED),
    N(SQL_SQ_CORRELATED_SUBQUERIES), {0, NULL}};
static const named n_fn_sys[] = {N(SQL_FN_SYS_USERNAME), N(SQL_FN_SYS_DBNAME), N(SQL_FN_SYS_IFNULL),
    {0, NULL}};
static const named n_fn_tsi[] = {N(SQL_FN_TSI_FRAC_SECOND), N(SQL_FN_TSI_SECOND), N(SQL_FN_TSI_MINUTE),
    N(SQL_FN_TSI_HOUR), N(SQL_FN_TSI_DAY), N(SQL_FN_TSI_WEEK), N(SQL_FN_TSI_MONTH), N(SQL_FN_TSI_QUARTER),
    N(SQL_FN_TSI_YEAR), {0, NULL}};
static const named n_fn_td[] = {N(SQL_FN_TD_NOW), N(SQL_FN_TD_CURDATE), N(SQL_FN_TD_DAYOFMONTH),
    N(SQL_FN_TD_DAYOFWEEK), N(SQL_FN_TD_DAYOFYEAR), N(SQL_FN_TD_MONTH), N(SQL_FN_TD_QUARTER),
    N(SQL_FN_TD_WEEK), N(SQL_FN_TD_YEAR), N(SQL_FN_TD_CURTIME), N(SQL_FN_TD_HOUR), N(SQL_FN_TD_MINUTE),
    N(SQL_FN_TD_SECOND), N(SQL_FN_TD_TIMESTAMPADD), N(SQL_FN_TD_TIMESTAMPDIFF), N(SQL_FN_TD_DAYNAME),
    N(SQL_FN_TD_MONTHNAME), N(SQL_FN_TD_CURRENT_DATE), N(SQL_FN_TD_CURRENT_TIME),
    N(SQL_FN_TD_CURRENT_TIMESTAMP), N(SQL_FN_TD_EXTRACT), {0, NULL}};
static const named n_u[] = {N(SQL_U_UNION), N(SQL_U_UNION_ALL), {0, NULL}};
static const named n_fd[] = {N(SQL_FD_FETCH_NEXT), N(SQL_FD_FETCH_FIRST), N(SQL_FD_FETCH_LAST),
    N(SQL_FD_FETCH_PRIOR), N(SQL_FD_FETCH_ABSOLUTE), N(SQL_FD_FETCH_RELATIVE),
    N(SQL_FD_FETCH_BOOKMARK), {0, NULL}};
static const named n_lck[] = {N(SQL_LCK_NO_CHANGE), N(SQL_LCK_EXCLUSIVE), N(SQL_LCK_UNLOCK), {0, NULL}};
static const named n_pos[] = {N(SQL_POS_POSITION), N(SQL_POS_REFRESH), N(SQL_POS_UPDATE), N(SQL_POS_DELETE),
    N(SQL_POS_ADD), {0, NULL}};
static const named n_scco[] = {N(SQL_SCCO_READ_ONLY), N(SQL_SCCO_LOCK), N(SQL_SCCO_OPT_ROWVER),
    N(SQL_SCCO_OPT_VALUES), N(SQL_SCCO_OPT_TIMESTAMP), {0, NULL}};
static const named n_txn[] = {N(SQL_TXN_READ_UNCOMMITTED), N(SQL_TXN_READ_COMMITTED),
    N(SQL_TXN_REPEATABLE_READ), N(SQL_TXN_SERIALIZABLE), {0, NULL}};
static const named n_brc[] = {N(SQL_BRC_PROCEDURES), N(SQL_BRC_EXPLICIT), N(SQL_BRC_ROLLED_UP), {0, NULL}};
static const named n_bs[] = {N(SQL_BS_SELECT_EXPLICIT), N(SQL_BS_ROW_COUNT_EXPLICIT), N(SQL_BS_SELECT_PROC),
    N(SQL_BS_ROW_COUNT_PROC), {0, NULL}};
static const named n_ik[] = {N(SQL_IK_ASC), N(SQL_IK_DESC), {0, NULL}};
static const named n_scc[] = {N(SQL_SCC_XOPEN_CLI_VERSION1), N(SQL_SCC_ISO92_CLI), {0, NULL}};
static const named n_bp[] = {N(SQL_BP_CLOSE), N(SQL_BP_DELETE), N(SQL_BP_DROP), N(SQL_BP_TRANSACTION),
    N(SQL_BP_UPDATE), N(SQL_BP_OTHER_HSTMT), N(SQL_BP_SCROLL), {0, NULL}};
static const named n_ss[] = {N(SQL_SS_ADDITIONS), N(SQL_SS_DELETIONS), N(SQL_SS_UPDATES), {0, NULL}};
static const named n_ad[] = {N(SQL_AD_CONSTRAINT_NAME_DEFINITION), N(SQL_AD_ADD_DOMAIN_CONSTRAINT),
    N(SQL_AD_DROP_DOMAIN_CONSTRAINT), N(SQL_AD_ADD_DOMAIN_DEFAULT), N(SQL_AD_DROP_DOMAIN_DEFAULT),
    N(SQL_AD_ADD_CONSTRAINT_INITIALLY_DEFERRED), N(SQL_AD_ADD_CONSTRAINT_INITIALLY_IMMEDIATE),
    N(SQL_AD_ADD_CONSTRAINT_DEFERRABLE), N(SQL_AD_ADD_CONSTRAINT_NON_DEFERRABLE), {0, NULL}};
static const named n_da[] = {N(SQL_DA_DROP_ASSERTION), {0, NULL}};
static const named n_dc[] = {N(SQL_DC_DROP_COLLATION), {0, NULL}};
static const named n_dcs[] = {N(SQL_DCS_DROP_CHARACTER_SET), {0, NULL}};
static const named n_dd[] = {N(SQL_DD_DROP_DOMAIN), N(SQL_DD_RESTRICT), N(SQL_DD_CASCADE), {0, NULL}};
static const named n_di[] = {N(SQL_DI_CREATE_INDEX), N(SQL_DI_DROP_INDEX), {0, NULL}};
static const named n_dtr[] = {N(SQL_DTR_DROP_TRANSLATION), {0, NULL}};
static const named n_ca[] = {N(SQL_CA_CREATE_ASSERTION), N(SQL_CA_CONSTRAINT_INITIALLY_DEFERRED),
    N(SQL_CA_CONSTRAINT_INITIALLY_IMMEDIATE), N(SQL_CA_CONSTRAINT_DEFERRABLE),
    N(SQL_CA_CONSTRAINT_NON_DEFERRABLE), {0, NULL}};
static const named n_ccol[] = {N(SQL_CCOL_CREATE_COLLATION), {0, NULL}};
static const named n_ccs[] = {N(SQL_CCS_CREATE_CHARACTER_SET), N(SQL_CCS_COLLATE_CLAUSE),
    N(SQL_CCS_LIMITED_COLLATION), {0, NULL}};
static const named n_cdo[] = {N(SQL_CDO_CREATE_DOMAIN), N(SQL_CDO_DEFAULT), N(SQL_CDO_CONSTRAINT),
    N(SQL_CDO_COLLATION), N(SQL_CDO_CONSTRAINT_NAME_DEFINITION), N(SQL_CDO_CONSTRAINT_INITIALLY_DEFERRED),
    N(SQL_CDO_CONSTRAINT_INITIALLY_IMMEDIATE), N(SQL_CDO_CONSTRAINT_DEFERRABLE),
    N(SQL_CDO_CONSTRAINT_NON_DEFERRABLE), {0, NULL}};
static const named n_ctr[] = {N(SQL_CTR_CREATE_TRANSLATION), {0, NULL}};
static const named n_sfkd[] = {N(SQL_SFKD_CASCADE), N(SQL_SFKD_NO_ACTION), N(SQL_SFKD_SET_DEFAULT),
    N(SQL_SFKD_SET_NULL), {0, NULL}};
static const named n_sfku[] = {N(SQL_SFKU_CASCADE), N(SQL_SFKU_NO_ACTION), N(SQL_SFKU_SET_DEFAULT),
    N(SQL_SFKU_SET_NULL), {0, NULL}};
static const named n_sg[] = {N(SQL_SG_USAGE_ON_DOMAIN), N(SQL_SG_USAGE_ON_CHARACTER_SET),
    N(SQL_SG_USAGE_ON_COLLATION), N(SQL_SG_USAGE_ON_TRANSLATION), N(SQL_SG_WITH_GRANT_OPTION),
    N(SQL_SG_DELETE_TABLE), N(SQL_SG_INSERT_TABLE), N(SQL_SG_INSERT_COLUMN), N(SQL_SG_REFERENCES_TABLE),
    N(SQL_SG_REFERENCES_COLUMN), N(SQL_SG_SELECT_TABLE), N(SQL_SG_UPDATE_TABLE), N(SQL_SG_UPDATE_COLUMN),
    {0, NULL}};
static const named n_sr[] = {N(SQL_SR_USAGE_ON_DOMAIN), N(SQL_SR_USAGE_ON_CHARACTER_SET),
    N(SQL_SR_USAGE_ON_COLLATION), N(SQL_SR_USAGE_ON_TRANSLATION), N(SQL_SR_GRANT_OPTION_FOR),
    N(SQL_SR_CASCADE), N(SQL_SR_RESTRICT), N(SQL_SR_DELETE_TABLE), N(SQL_SR_INSERT_TABLE),
    N(SQL_SR_INSERT_COLUMN), N(SQL_SR_REFERENCES_TABLE), N(SQL_SR_REFERENCES_COLUMN), N(SQL_SR_SELECT_TABLE),
    N(SQL_SR_UPDATE_TABLE), N(SQL_SR_UPDATE_COLUMN), {0, NULL}};
static const named n_am[] = {N(SQL_AM_NONE), N(SQL_AM_CONNECTION), N(SQL_AM_STATEMENT), {0, NULL}};
static const named n_oic[] = {N(SQL_OIC_CORE), N(SQL_OIC_LEVEL1), N(SQL_OIC_LEVEL2), {0, NULL}};
static const named n_sc[] = {N(SQL_SC_SQL92_ENTRY), N(SQL_SC_FIPS127_2_TRANSITIONAL),
    N(SQL_SC_SQL92_INTERMEDIATE), N(SQL_SC_SQL92_FULL), {0, NULL}};
static const named n_parc[] = {N(SQL_PARC_BATCH), N(SQL_PARC_NO_BATCH), {0, NULL}};
static const named n_pas[] = {N(SQL_PAS_BATCH), N(SQL_PAS_NO_BATCH), N(SQL_PAS_NO_SELECT), {0, NULL}};
static const named n_cl[] = {N(SQL_CL_START), N(SQL_CL_END), {0, NULL}};
static const named n_cn[] = {N(SQL_CN_NONE), N(SQL_CN_DIFFERENT), N(SQL_CN_ANY), {0, NULL}};
static const named n_file[] = {N(SQL_FILE_NOT_SUPPORTED), N(SQL_FILE_TABLE), N(SQL_FILE_CATALOG), {0, NULL}};
static const named n_gb[] = {N(SQL_GB_NOT_SUPPORTED), N(SQL_GB_GROUP_BY_EQUALS_SELECT),
    N(SQL_GB_GROUP_BY_CONTAINS_SELECT), N(SQL_GB_NO_RELATION), N(SQL_GB_COLLATE), {0, NULL}};
static const named n_ic[] = {N(SQL_IC_UPPER), N(SQL_IC_LOWER), N(SQL_IC_SENSITIVE), N(SQL_IC_MIXED),
    {0, NULL}};
static const named n_nnc[] = {N(SQL_NNC_NULL), N(SQL_NNC_NON_NULL), {0, NULL}};
static const named n_nc[] = {N(SQL_NC_HIGH), N(SQL_NC_LOW), N(SQL_NC_START), N(SQL_NC_END), {0, NULL}};
static const named n_tc[] = {N(SQL_TC_NONE), N(SQL_TC_DML), N(SQL_TC_ALL), N(SQL_TC_DDL_COMMIT),
    N(SQL_TC_DDL_IGNORE), {0, NULL}};
static const named n_oac[] = {N(SQL_OAC_NONE), N(SQL_OAC_LEVEL1), N(SQL_OAC_LEVEL2), {0, NULL}};
static const named n_oscc[] = {N(SQL_OSCC_NOT_COMPLIANT), N(SQL_OSCC_COMPLIANT), {0, NULL}};
static const named n_osc[] = {N(SQL_OSC_MINIMUM), N(SQL_OSC_CORE), N(SQL_OSC_EXTENDED), {0, NULL}};
static const named n_cb_null[] = {N(SQL_CB_NULL), N(SQL_CB_NON_NULL), {0, NULL}};
static const named n_cb_cursor[] = {N(SQL_CB_DELETE), N(SQL_CB_CLOSE), N(SQL_CB_PRESERVE), {0, NULL}};
static const named n_sens[] = {N(SQL_UNSPECIFIED), N(SQL_INSENSITIVE), N(SQL_SENSITIVE), {0, NULL}};
static const named n_adbc[] = {N(SQL_ASYNC_DBC_NOT_CAPABLE), N(SQL_ASYNC_DBC_CAPABLE), {0, NULL}};
static const named n_anot[] = {N(SQL_ASYNC_NOTIFICATION_NOT_CAPABLE), N(SQL_ASYNC_NOTIFICATION_CAPABLE),
    {0, NULL}};
static const named n_pool[] = {N(SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE), N(SQL_DRIVER_AWARE_POOLING_CAPABLE),
    {0, NULL}};
static const named n_ps[] = {N(SQL_PS_POSITIONED_DELETE), N(SQL_PS_POSITIONED_UPDATE),
    N(SQL_PS_SELECT_FOR_UPDATE), {0, NULL}};

/* How each information type is returned (the specification's type for it). */
enum kind {
    K_STR,    /* character string */
    K_DMSTR,  /* character string the driver manager answers: version digits shown as # */
    K_U16,    /* SQLUSMALLINT, shown by name when names are given */
    K_U32,    /* SQLUINTEGER value, shown by name when names are given */
    K_MASK,   /* SQLUINTEGER bitmask, shown as the names of its bits */
    K_HANDLE, /* SQLULEN handle of the driver's */
    K_HSTMT,  /* SQL_DRIVER_HSTMT: the buffer holds a statement handle on input */
    K_HDESC   /* SQL_DRIVER_HDESC: the buffer holds a descriptor handle on input */
};

typedef struct info_type {
    SQLUSMALLINT id;
    const char *name;
    enum kind kind;
    const named *names;
} info_type;
#define I(id, kind, names) {id, #id, kind, names}

/* ODBC 3.8's information types in the order of the specification's list
 * (alphabetical), then the ODBC 2.x types it deprecates or no longer lists. */
static const info_type info_types[] = {
    I(SQL_ACCESSIBLE_PROCEDURES, K_STR, NULL),
    I(SQL_ACCESSIBLE_TABLES, K_STR, NULL),
    I(SQL_ACTIVE_ENVIRONMENTS, K_U16, NULL),
    I(SQL_AGGREGATE_FUNCTIONS, K_MASK, n_af),
    I(SQL_ALTER_DOMAIN, K_MASK, n_ad),
    I(SQL_ALTER_TABLE, K_MASK, n_at),
    I(SQL_ASYNC_DBC_FUNCTIONS, K_U32, n_adbc),
    I(SQL_ASYNC_MODE, K_U32, n_am),
    I(SQL_ASYNC_NOTIFICATION, K_U32, n_anot),
    I(SQL_BATCH_ROW_COUNT, K_MASK, n_brc),
    I(SQL_BATCH_SUPPORT, K_MASK, n_bs),
    I(SQL_BOOKMARK_PERSISTENCE, K_MASK, n_bp),
    I(SQL_CATALOG_LOCATION, K_U16, n_cl),
    I(SQL_CATALOG_NAME, K_STR, NULL),
    I(SQL_CATALOG_NAME_SEPARATOR, K_STR, NULL),
    I(SQL_CATALOG_TERM, K_STR, NULL),
    I(SQL_CATALOG_USAGE, K_MASK, n_cu),
    I(SQL_COLLATION_SEQ, K_STR, NULL),
    I(SQL_COLUMN_ALIAS, K_STR, NULL),
    I(SQL_CONCAT_NULL_BEHAVIOR, K_U16, n_cb_null),
    I(SQL_CONVERT_BIGINT, K_MASK, n_cvt),
    I(SQL_CONVERT_BINARY, K_MASK, n_cvt),
    I(SQL_CONVERT_BIT, K_MASK, n_cvt),
    I(SQL_CONVERT_CHAR, K_MASK, n_cvt),
    I(SQL_CONVERT_DATE, K_MASK, n_cvt),
    I(SQL_CONVERT_DECIMAL, K_MASK, n_cvt),
    I(SQL_CONVERT_DOUBLE, K_MASK, n_cvt),
    I(SQL_CONVERT_FLOAT, K_MASK, n_cvt),
    I(SQL_CONVERT_GUID, K_MASK, n_cvt),
    I(SQL_CONVERT_INTEGER, K_MASK, n_cvt),
    I(SQL_CONVERT_INTERVAL_DAY_TIME, K_MASK, n_cvt),
    I(SQL_CONVERT_INTERVAL_YEAR_MONTH, K_MASK, n_cvt),
    I(SQL_CONVERT_LONGVARBINARY, K_MASK, n_cvt),
    I(SQL_CONVERT_LONGVARCHAR, K_MASK, n_cvt),
    I(SQL_CONVERT_NUMERIC, K_MASK, n_cvt),
    I(SQL_CONVERT_REAL, K_MASK, n_cvt),
    I(SQL_CONVERT_SMALLINT, K_MASK, n_cvt),
    I(SQL_CONVERT_TIME, K_MASK, n_cvt),
    I(SQL_CONVERT_TIMESTAMP, K_MASK, n_cvt),
    I(SQL_CONVERT_TINYINT, K_MASK, n_cvt),
    I(SQL_CONVERT_VARBINARY, K_MASK, n_cvt),
    I(SQL_CONVERT_VARCHAR, K_MASK, n_cvt),
    I(SQL_CONVERT_WCHAR, K_MASK, n_cvt),
    I(SQL_CONVERT_WLONGVARCHAR, K_MASK, n_cvt),
    I(SQL_CONVERT_WVARCHAR, K_MASK, n_cvt),
    I(SQL_CONVERT_FUNCTIONS, K_MASK, n_fn_cvt),
    I(SQL_CORRELATION_NAME, K_U16, n_cn),
    I(SQL_CREATE_ASSERTION, K_MASK, n_ca),
    I(SQL_CREATE_CHARACTER_SET, K_MASK, n_ccs),
    I(SQL_CREATE_COLLATION, K_MASK, n_ccol),
    I(SQL_CREATE_DOMAIN, K_MASK, n_cdo),
    I(SQL_CREATE_SCHEMA, K_MASK, n_cs),
    I(SQL_CREATE_TABLE, K_MASK, n_ct),
    I(SQL_CREATE_TRANSLATION, K_MASK, n_ctr),
    I(SQL_CREATE_VIEW, K_MASK, n_cv),
    I(SQL_CURSOR_COMMIT_BEHAVIOR, K_U16, n_cb_cursor),
    I(SQL_CURSOR_ROLLBACK_BEHAVIOR, K_U16, n_cb_cursor),
    I(SQL_CURSOR_SENSITIVITY, K_U32, n_sens),
    I(SQL_DATA_SOURCE_NAME, K_STR, NULL),
    I(SQL_DATA_SOURCE_READ_ONLY, K_STR, NULL),
    I(SQL_DATABASE_NAME, K_STR, NULL),
    I(SQL_DATETIME_LITERALS, K_MASK, n_dl),
    I(SQL_DBMS_NAME, K_STR, NULL),
    I(SQL_DBMS_VER, K_STR, NULL),
    I(SQL_DDL_INDEX, K_MASK, n_di),
    I(SQL_DEFAULT_TXN_ISOLATION, K_U32, n_txn),
    I(SQL_DESCRIBE_PARAMETER, K_STR, NULL),
    I(SQL_DM_VER, K_DMSTR, NULL),
    I(SQL_DRIVER_AWARE_POOLING_SUPPORTED, K_U32, n_pool),
    I(SQL_DRIVER_HDBC, K_HANDLE, NULL),
    I(SQL_DRIVER_HDESC, K_HDESC, NULL),
    I(SQL_DRIVER_HENV, K_HANDLE, NULL),
    I(SQL_DRIVER_HLIB, K_HANDLE, NULL),
    I(SQL_DRIVER_HSTMT, K_HSTMT, NULL),
    I(SQL_DRIVER_NAME, K_STR, NULL),
    I(SQL_DRIVER_ODBC_VER, K_STR, NULL),
    I(SQL_DRIVER_VER, K_STR, NULL),
    I(SQL_DROP_ASSERTION, K_MASK, n_da),
    I(SQL_DROP_CHARACTER_SET, K_MASK, n_dcs),
    I(SQL_DROP_COLLATION, K_MASK, n_dc),
    I(SQL_DROP_DOMAIN, K_MASK, n_dd),
    I(SQL_DROP_SCHEMA, K_MASK, n_ds),
    I(SQL_DROP_TABLE, K_MASK, n_dt),
    I(SQL_DROP_TRANSLATION, K_MASK, n_dtr),
    I(SQL_DROP_VIEW, K_MASK, n_dv),
    I(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, K_MASK, n_ca1),
    I(SQL_DYNAMIC_CURSOR_ATTRIBUTES2, K_MASK, n_ca2),
    I(SQL_EXPRESSIONS_IN_ORDERBY, K_STR, NULL),
    I(SQL_FILE_USAGE, K_U16, n_file),
    I(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, K_MASK, n_ca1),
    I(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2, K_MASK, n_ca2),
    I(SQL_GETDATA_EXTENSIONS, K_MASK, n_gd),
    I(SQL_GROUP_BY, K_U16, n_gb),
    I(SQL_IDENTIFIER_CASE, K_U16, n_ic),
    I(SQL_IDENTIFIER_QUOTE_CHAR, K_STR, NULL),
    I(SQL_INDEX_KEYWORDS, K_MASK, n_ik),
    I(SQL_INFO_SCHEMA_VIEWS, K_MASK, n_isv),
    I(SQL_INSERT_STATEMENT, K_MASK, n_ins),
    I(SQL_INTEGRITY, K_STR, NULL),
    I(SQL_KEYSET_CURSOR_ATTRIBUTES1, K_MASK, n_ca1),
    I(SQL_KEYSET_CURSOR_ATTRIBUTES2, K_MASK, n_ca2),
    I(SQL_KEYWORDS, K_STR, NULL),
    I(SQL_LIKE_ESCAPE_CLAUSE, K_STR, NULL),
    I(SQL_MAX_ASYNC_CONCURRENT_STATEMENTS, K_U32, NULL),
    I(SQL_MAX_BINARY_LITERAL_LEN, K_U32, NULL),
    I(SQL_MAX_CATALOG_NAME_LEN, K_U16, NULL),
    I(SQL_MAX_CHAR_LITERAL_LEN, K_U32, NULL),
    I(SQL_MAX_COLUMN_NAME_LEN, K_U16, NULL),
    I(SQL_MAX_COLUMNS_IN_GROUP_BY, K_U16, NULL),
    I(SQL_MAX_COLUMNS_IN_INDEX, K_U16, NULL),
    I(SQL_MAX_COLUMNS_IN_ORDER_BY, K_U16, NULL),
    I(SQL_MAX_COLUMNS_IN_SELECT, K_U16, NULL),
    I(SQL_MAX_COLUMNS_IN_TABLE, K_U16, NULL),
    I(SQL_MAX_CONCURRENT_ACTIVITIES, K_U16, NULL),
    I(SQL_MAX_CURSOR_NAME_LEN, K_U16, NULL),
    I(SQL_MAX_DRIVER_CONNECTIONS, K_U16, NULL),
    I(SQL_MAX_IDENTIFIER_LEN, K_U16, NULL),
    I(SQL_MAX_INDEX_SIZE, K_U32, NULL),
    I(SQL_MAX_PROCEDURE_NAME_LEN, K_U16, NULL),
    I(SQL_MAX_ROW_SIZE, K_U32, NULL),
    I(SQL_MAX_ROW_SIZE_INCLUDES_LONG, K_STR, NULL),
    I(SQL_MAX_SCHEMA_NAME_LEN, K_U16, NULL),
    I(SQL_MAX_STATEMENT_LEN, K_U32, NULL),
    I(SQL_MAX_TABLE_NAME_LEN, K_U16, NULL),
    I(SQL_MAX_TABLES_IN_SELECT, K_U16, NULL),
    I(SQL_MAX_USER_NAME_LEN, K_U16, NULL),
    I(SQL_MULT_RESULT_SETS, K_STR, NULL),
    I(SQL_MULTIPLE_ACTIVE_TXN, K_STR, NULL),
    I(SQL_NEED_LONG_DATA_LEN, K_STR, NULL),
    I(SQL_NON_NULLABLE_COLUMNS, K_U16, n_nnc),
    I(SQL_NULL_COLLATION, K_U16, n_nc),
    I(SQL_NUMERIC_FUNCTIONS, K_MASK, n_fn_num),
    I(SQL_ODBC_INTERFACE_CONFORMANCE, K_U32, n_oic),
    I(SQL_ODBC_VER, K_DMSTR, NULL),
    I(SQL_OJ_CAPABILITIES, K_MASK, n_oj),
    I(SQL_ORDER_BY_COLUMNS_IN_SELECT, K_STR, NULL),
    I(SQL_PARAM_ARRAY_ROW_COUNTS, K_U32, n_parc),
    I(SQL_PARAM_ARRAY_SELECTS, K_U32, n_pas),
    I(SQL_PROCEDURE_TERM, K_STR, NULL),
    I(SQL_PROCEDURES, K_STR, NULL),
    I(SQL_QUOTED_IDENTIFIER_CASE, K_U16, n_ic),
    I(SQL_ROW_UPDATES, K_STR, NULL),
    I(SQL_SCHEMA_TERM, K_STR, NULL),
    I(SQL_SCHEMA_USAGE, K_MASK, n_su),
    I(SQL_SCROLL_OPTIONS, K_MASK, n_so),
    I(SQL_SEARCH_PATTERN_ESCAPE, K_STR, NULL),
    I(SQL_SERVER_NAME, K_STR, NULL),
    I(SQL_SPECIAL_CHARACTERS, K_STR, NULL),
    I(SQL_SQL_CONFORMANCE, K_U32, n_sc),
    I(SQL_SQL92_DATETIME_FUNCTIONS, K_MASK, n_sdf),
    I(SQL_SQL92_FOREIGN_KEY_DELETE_RULE, K_MASK, n_sfkd),
    I(SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, K_MASK, n_sfku),
    I(SQL_SQL92_GRANT, K_MASK, n_sg),
    I(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, K_MASK, n_snvf),
    I(SQL_SQL92_PREDICATES, K_MASK, n_sp),
    I(SQL_SQL92_RELATIONAL_JOIN_OPERATORS, K_MASK, n_srjo),
    I(SQL_SQL92_REVOKE, K_MASK, n_sr),
    I(SQL_SQL92_ROW_VALUE_CONSTRUCTOR, K_MASK, n_srvc),
    I(SQL_SQL92_STRING_FUNCTIONS, K_MASK, n_ssf),
    I(SQL_SQL92_VALUE_EXPRESSIONS, K_MASK, n_sve),
    I(SQL_STANDARD_CLI_CONFORMANCE, K_MASK, n_scc),
    I(SQL_STATIC_CURSOR_ATTRIBUTES1, K_MASK, n_ca1),
    I(SQL_STATIC_CURSOR_ATTRIBUTES2, K_MASK, n_ca2),
    I(SQL_STRING_FUNCTIONS, K_MASK, n_fn_str),
    I(SQL_SUBQUERIES, K_MASK, n_sq),
    I(SQL_SYSTEM_FUNCTIONS, K_MASK, n_fn_sys),
    I(SQL_TABLE_TERM, K_STR, NULL),
    I(SQL_TIMEDATE_ADD_INTERVALS, K_MASK, n_fn_tsi),
    I(SQL_TIMEDATE_DIFF_INTERVALS, K_MASK, n_fn_tsi),
    I(SQL_TIMEDATE_FUNCTIONS, K_MASK, n_fn_td),
    I(SQL_TXN_CAPABLE, K_U16, n_tc),
    I(SQL_TXN_ISOLATION_OPTION, K_MASK, n_txn),
    I(SQL_UNION, K_MASK, n_u),
    I(SQL_USER_NAME, K_STR, NULL),
    I(SQL_XOPEN_CLI_YEAR, K_STR, NULL),
    /* ODBC 2.x */
    I(SQL_FETCH_DIRECTION, K_MASK, n_fd),
    I(SQL_LOCK_TYPES, K_MASK, n_lck),
    I(SQL_ODBC_API_CONFORMANCE, K_U16, n_oac),
    I(SQL_ODBC_SAG_CLI_CONFORMANCE, K_U16, n_oscc),
    I(SQL_ODBC_SQL_CONFORMANCE, K_U16, n_osc),
    I(SQL_OUTER_JOINS, K_STR, NULL),
    I(SQL_POS_OPERATIONS, K_MASK, n_pos),
    I(SQL_POSITIONED_STATEMENTS, K_MASK, n_ps),
    I(SQL_SCROLL_CONCURRENCY, K_MASK, n_scco),
    I(SQL_STATIC_SENSITIVITY, K_MASK, n_ss),
};

#define NTYPES (sizeof info_types / sizeof info_types[0])

/* ------------------------------------------------------------ helpers */

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p) {
        perror("strdup");
        exit(2);
    }
    return p;
}

/* A growing list of lines. */
typedef struct lines {
    char **v;
    size_t n, cap;
} lines;

static void lines_add(lines *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) {
            perror("realloc");
            exit(2);
        }
    }
    l->v[l->n++] = xstrdup(s);
}

static void lines_free(lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Where the expected files are: ATHENA_SRC_DIR, else the source tree the
 * program was built from, else next to this source file. */
static void expected_path(char *out, size_t size, const char *file)
{
    const char *src = getenv("ATHENA_SRC_DIR");
#ifdef ATHENA_TOP_SRCDIR
    if (!src || !*src)
        src = ATHENA_TOP_SRCDIR;
#endif
    if (src && *src) {
        snprintf(out, size, "%s/tests/odbc/expected/%s", src, file);
        return;
    }
    const char *me = __FILE__;
    const char *slash = strrchr(me, '/');
    if (slash)
        snprintf(out, size, "%.*s/expected/%s", (int)(slash - me), me, file);
    else
        snprintf(out, size, "expected/%s", file);
}

static bool read_lines(const char *path, lines *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char buf[8192];
    while (fgets(buf, sizeof buf, f)) {
        size_t n = strlen(buf);
        while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
            buf[--n] = '\0';
        lines_add(out, buf);
    }
    fclose(f);
    return true;
}

/* Compares a dump with its expected file: one check per line, a diff-like
 * "not ok" for each line that differs, and one for a missing or extra line. */
static void compare_with_expected(const char *what, const char *file, const lines *got)
{
    char path[4096];
    expected_path(path, sizeof path, file);
    const char *dir = getenv("ATHENA_INFO_WRITE");
    if (dir && *dir) {
        char out[4096];
        snprintf(out, sizeof out, "%s/%s", dir, file);
        FILE *f = fopen(out, "w");
        if (f) {
            for (size_t i = 0; i < got->n; i++)
                fprintf(f, "%s\n", got->v[i]);
            fclose(f);
            printf("# wrote %s\n", out);
        }
    }
    lines want = {0};
    if (!read_lines(path, &want)) {
        CHECK(0, "%s: cannot read the expected file %s", what, path);
        return;
    }
    size_t n = got->n > want.n ? got->n : want.n;
    for (size_t i = 0; i < n; i++) {
        const char *g = i < got->n ? got->v[i] : NULL;
        const char *w = i < want.n ? want.v[i] : NULL;
        if (g && w && strcmp(g, w) == 0)
            CHECK(1, "%s line %zu: %s", what, i + 1, g);
        else
            th_report(0, __FILE__, __LINE__, "%s line %zu:\n#   - %s\n#   + %s", what, i + 1,
                      w ? w : "(no line)", g ? g : "(no line)");
    }
    lines_free(&want);
}

/* "name" of a value, or its number. */
static void format_enum(char *out, size_t size, SQLULEN v, const named *names)
{
    for (const named *n = names; n && n->name; n++) {
        if (n->value == v) {
            snprintf(out, size, "%s", n->name);
            return;
        }
    }
    snprintf(out, size, "%lu", (unsigned long)v);
}

/* "A|B|C" for the bits of a mask, unnamed bits as hex; "0" for no bit. */
static void format_mask(char *out, size_t size, SQLULEN v, const named *names)
{
    size_t len = 0;
    out[0] = '\0';
    if (v == 0) {
        snprintf(out, size, "0");
        return;
    }
    SQLULEN rest = v;
    for (const named *n = names; n && n->name; n++) {
        if (n->value && (v & n->value) == n->value && (rest & n->value)) {
            len += (size_t)snprintf(out + len, len < size ? size - len : 0, "%s%s", len ? "|" : "", n->name);
            rest &= ~n->value;
        }
    }
    if (rest)
        snprintf(out + len, len < size ? size - len : 0, "%s0x%lX", len ? "|" : "", (unsigned long)rest);
}

/* A string value as a C string literal. */
static void format_string(char *out, size_t size, const char *s)
{
    size_t len = 0;
    if (size < 3)
        return;
    out[len++] = '"';
    for (; *s && len + 3 < size; s++) {
        if (*s == '"' || *s == '\\')
            out[len++] = '\\';
        out[len++] = *s;
    }
    out[len++] = '"';
    out[len] = '\0';
}

/* Version digits masked: "03.52.0002.0003" -> "##.##.####.####". */
static void mask_digits(char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            *s = '#';
}

static const info_type *find_type(SQLUSMALLINT id)
{
    for (size_t i = 0; i < NTYPES; i++)
        if (info_types[i].id == id)
            return &info_types[i];
    return NULL;
}

/* ------------------------------------------------------------ SQLGetInfo */

/* One information type through SQLGetInfo: its dump line, and what went
 * wrong with its return code or size (empty when nothing). */
static void info_line(SQLHDBC dbc, SQLHSTMT st, SQLHDESC desc, const info_type *t, char *line, size_t size,
                      char *problem, size_t psize)
{
    union {
        unsigned char bytes[4096];
        SQLULEN align;
    } buf;
    memset(buf.bytes, 0xAA, sizeof buf.bytes);
    problem[0] = '\0';
    SQLSMALLINT len = -1;
    if (t->kind == K_HSTMT)
        memcpy(buf.bytes, &st, sizeof st);
    if (t->kind == K_HDESC)
        memcpy(buf.bytes, &desc, sizeof desc);
    SQLSMALLINT buflen = (t->kind == K_STR || t->kind == K_DMSTR) ? (SQLSMALLINT)sizeof buf.bytes : 0;
    SQLRETURN rc = SQLGetInfo(dbc, t->id, buf.bytes, buflen, &len);
    if (rc != SQL_SUCCESS) {
        char state[6], msg[512];
        first_diag(SQL_HANDLE_DBC, dbc, state, msg, sizeof msg);
        snprintf(line, size, "%s = (return code %d, %s %s)", t->name, (int)rc, state, msg);
        snprintf(problem, psize, "return code %d", (int)rc);
        return;
    }
    char value[4096];
    SQLUSMALLINT u16;
    SQLUINTEGER u32;
    SQLULEN ulen;
    switch (t->kind) {
    case K_STR:
    case K_DMSTR: {
        char *s = (char *)buf.bytes;
        if (len != (SQLSMALLINT)strlen(s))
            snprintf(problem, psize, "length %d for a string of %zu bytes", (int)len, strlen(s));
        if (t->kind == K_DMSTR)
            mask_digits(s);
        format_string(value, sizeof value, s);
        break;
    }
    case K_U16:
        memcpy(&u16, buf.bytes, sizeof u16);
        if (len != (SQLSMALLINT)sizeof u16 || buf.bytes[sizeof u16] != 0xAA)
            snprintf(problem, psize, "not a 2-byte SQLUSMALLINT (length %d)", (int)len);
        if (t->names)
            format_enum(value, sizeof value, u16, t->names);
        else
            snprintf(value, sizeof value, "%u", (unsigned)u16);
        break;
    case K_U32:
    case K_MASK:
        memcpy(&u32, buf.bytes, sizeof u32);
        if (len != (SQLSMALLINT)sizeof u32 || buf.bytes[sizeof u32] != 0xAA)
            snprintf(problem, psize, "not a 4-byte SQLUINTEGER (length %d)", (int)len);
        if (t->kind == K_MASK)
            format_mask(value, sizeof value, u32, t->names);
        else if (t->names)
            format_enum(value, sizeof value, u32, t->names);
        else
            snprintf(value, sizeof value, "%lu", (unsigned long)u32);
        break;
    default: /* handles */
        memcpy(&ulen, buf.bytes, sizeof ulen);
        if (len != (SQLSMALLINT)sizeof ulen)
            snprintf(problem, psize, "not a %zu-byte handle (length %d)", sizeof ulen, (int)len);
        snprintf(value, sizeof value, "%s", ulen ? "<driver handle>" : "<null handle>");
        break;
    }
    snprintf(line, size, "%s = %s", t->name, value);
}

/* The driver's handles behind the driver manager's, for calling the driver directly. */
static SQLHDBC driver_hdbc(SQLHDBC dbc)
{
    SQLULEN h = 0;
    SQLGetInfo(dbc, SQL_DRIVER_HDBC, &h, 0, NULL);
    return (SQLHDBC)(uintptr_t)h;
}

static void test_getinfo_dump(SQLHDBC dbc)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLHDESC desc = SQL_NULL_HDESC;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLAllocHandle(SQL_HANDLE_DESC, dbc, &desc);
    lines got = {0};
    char problems[8192] = "";
    size_t plen = 0;
    for (size_t i = 0; i < NTYPES; i++) {
        char line[8192], problem[256];
        info_line(dbc, st, desc, &info_types[i], line, sizeof line, problem, sizeof problem);
        lines_add(&got, line);
        if (problem[0] && plen < sizeof problems)
            plen += (size_t)snprintf(problems + plen, sizeof problems - plen, " %s: %s;", info_types[i].name, problem);
    }
    CHECK(plen == 0, "every information type returns SQL_SUCCESS with the size the specification gives it%s",
          problems);
    compare_with_expected("getinfo.txt", "getinfo.txt", &got);
    lines_free(&got);

    /* no type is listed twice */
    size_t dups = 0;
    for (size_t i = 0; i < NTYPES; i++)
        for (size_t j = i + 1; j < NTYPES; j++)
            if (info_types[i].id == info_types[j].id)
                dups++;
    CHECK_INT(dups, 0, "information types listed twice");

    /* the handles the driver manager hands out are the driver's */
    SQLULEN hstmt = 0;
    memcpy(&hstmt, &st, sizeof st);
    SQLGetInfo(dbc, SQL_DRIVER_HSTMT, &hstmt, 0, NULL);
    CHECK(hstmt != 0 && (void *)(uintptr_t)hstmt != (void *)st, "SQL_DRIVER_HSTMT maps the statement to the driver's");
    SQLHSTMT bogus = (SQLHSTMT)&hstmt;
    SQLULEN in = 0;
    memcpy(&in, &bogus, sizeof bogus);
    CHECK_RC(SQLGetInfo(dbc, SQL_DRIVER_HSTMT, &in, 0, NULL), SQL_ERROR, "SQL_DRIVER_HSTMT of no statement");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "HY024", "SQL_DRIVER_HSTMT of no statement");
    SQLFreeHandle(SQL_HANDLE_DESC, desc);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* UTF-16 (ASCII only) to a C string; false if a character is not ASCII. */
static bool w_to_ascii(const SQLWCHAR *w, char *out, size_t size)
{
    size_t i = 0;
    for (; w[i] && i + 1 < size; i++) {
        if (w[i] > 0x7F)
            return false;
        out[i] = (char)w[i];
    }
    out[i] = '\0';
    return true;
}

/* SQLGetInfoW gives the same strings, with byte lengths. */
static void test_getinfo_wide(SQLHDBC dbc)
{
    char bad[4096] = "";
    size_t blen = 0;
    int n = 0;
    for (size_t i = 0; i < NTYPES; i++) {
        const info_type *t = &info_types[i];
        /* unixODBC's SQLGetInfoW answers SQL_XOPEN_CLI_YEAR from its own
         * default ("1994") where SQLGetInfo returns the driver's answer */
        if ((t->kind != K_STR && t->kind != K_DMSTR) || t->id == SQL_XOPEN_CLI_YEAR)
            continue;
        char a[2048];
        SQLWCHAR w[2048];
        char wa[2048];
        SQLSMALLINT alen = -1, wlen = -1;
        SQLRETURN ra = SQLGetInfo(dbc, t->id, a, sizeof a, &alen);
        SQLRETURN rw = SQLGetInfoW(dbc, t->id, w, sizeof w, &wlen);
        bool ok = ra == SQL_SUCCESS && rw == SQL_SUCCESS && w_to_ascii(w, wa, sizeof wa) && strcmp(a, wa) == 0 &&
                  wlen == alen * (SQLSMALLINT)sizeof(SQLWCHAR);
        n++;
        if (!ok && blen < sizeof bad)
            blen += (size_t)snprintf(bad + blen, sizeof bad - blen, " %s (%d/%d bytes)", t->name, (int)alen, (int)wlen);
    }
    CHECK(blen == 0 && n == 38, "SQLGetInfoW returns the same %d strings, lengths in bytes%s", n, bad);
}

/* String lengths and truncation, unknown types, SQLGetInfo before connecting. */
static void test_getinfo_lengths(SQLHDBC dbc)
{
    char buf[64];
    SQLSMALLINT len = -1;
    memset(buf, 'x', sizeof buf);
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, 8, &len), SQL_SUCCESS_WITH_INFO, "SQL_DBMS_NAME into 8 bytes");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "01004", "truncation");
    CHECK_STR(buf, "Amazon ", "7 characters and the terminator");
    CHECK_INT(buf[8], 'x', "nothing written past the buffer");
    CHECK_INT(len, 13, "the full length is reported");
    len = -1;
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, 14, &len), SQL_SUCCESS, "SQL_DBMS_NAME into exactly 14 bytes");
    CHECK_STR(buf, "Amazon Athena", "fits with its terminator");
    len = -1;
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, 13, &len), SQL_SUCCESS_WITH_INFO, "13 bytes: no room for the terminator");
    CHECK_STR(buf, "Amazon Athen", "12 characters");
    len = -1;
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, NULL, 0, &len), SQL_SUCCESS, "no buffer: only the length");
    CHECK_INT(len, 13, "length without a buffer");
    memset(buf, 'x', sizeof buf);
    len = -1;
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, 0, &len), SQL_SUCCESS_WITH_INFO, "a zero-length buffer");
    CHECK_INT(buf[0], 'x', "a zero-length buffer is not written");
    CHECK_INT(len, 13, "length with a zero-length buffer");
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, -1, &len), SQL_ERROR, "a negative buffer length");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "HY090", "a negative buffer length");
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, sizeof buf, NULL), SQL_SUCCESS, "no length pointer");
    CHECK_STR(buf, "Amazon Athena", "value without a length pointer");
    SQLUSMALLINT u16 = 0;
    CHECK_RC(SQLGetInfo(dbc, SQL_TXN_CAPABLE, &u16, 0, NULL), SQL_SUCCESS, "a number ignores the buffer length");
    CHECK_INT(u16, SQL_TC_NONE, "SQL_TXN_CAPABLE");

    SQLWCHAR w[16];
    len = -1;
    memset(w, 0x55, sizeof w);
    CHECK_RC(SQLGetInfoW(dbc, SQL_DBMS_NAME, w, 16, &len), SQL_SUCCESS_WITH_INFO, "SQLGetInfoW into 16 bytes");
    char a[16];
    w_to_ascii(w, a, sizeof a);
    CHECK_STR(a, "Amazon ", "7 wide characters and the terminator");
    CHECK_INT(w[8], 0x5555, "nothing written past the wide buffer");
    CHECK_INT(len, 26, "full length in bytes");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "01004", "wide truncation");

    /* information types that do not exist */
    static const SQLUSMALLINT unknown[] = {9999, 200, SQL_DTC_TRANSITION_COST, 10026, 65003};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "information type %u", (unsigned)unknown[i]);
        CHECK_RC(SQLGetInfo(dbc, unknown[i], buf, sizeof buf, &len), SQL_ERROR, what);
        CHECK_STATE(SQL_HANDLE_DBC, dbc, "HY096", what);
    }
    CHECK(find_type(SQL_DTC_TRANSITION_COST) == NULL, "SQL_DTC_TRANSITION_COST is Microsoft's, not ODBC 3.8's");

    /* a connection handle that is not connected: the driver manager answers */
    SQLHDBC idle = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &idle);
    CHECK_RC(SQLGetInfo(idle, SQL_DBMS_NAME, buf, sizeof buf, &len), SQL_ERROR, "SQLGetInfo before connecting");
    CHECK_STATE(SQL_HANDLE_DBC, idle, "08003", "SQLGetInfo before connecting");
    SQLFreeHandle(SQL_HANDLE_DBC, idle);
}

/* SQL_KEYWORDS: sorted, no duplicates, no word of ODBC's own list. */
static void test_keywords(SQLHDBC dbc)
{
    char kw[4096];
    SQLGetInfo(dbc, SQL_KEYWORDS, kw, sizeof kw, NULL);
    /* sqlext.h's list, plus ROWS, which the specification's list has and sqlext.h lacks */
    char odbc[4096];
    snprintf(odbc, sizeof odbc, ",%s,ROWS,", SQL_ODBC_KEYWORDS);
    char prev[64] = "", bad[1024] = "";
    size_t blen = 0;
    int count = 0;
    char *save = NULL;
    for (char *w = strtok_r(kw, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        char key[80];
        snprintf(key, sizeof key, ",%s,", w);
        count++;
        bool upper = true;
        for (const char *c = w; *c; c++)
            if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_'))
                upper = false;
        if (strstr(odbc, key) || strcmp(prev, w) >= 0 || !upper)
            blen += (size_t)snprintf(bad + blen, blen < sizeof bad ? sizeof bad - blen : 0, " %s", w);
        snprintf(prev, sizeof prev, "%s", w);
    }
    CHECK(blen == 0 && count == 63, "SQL_KEYWORDS: %d upper-case words, sorted, none of ODBC's%s", count, bad);
}

/* ------------------------------------------------------------ SQLGetFunctions */

/* Every ODBC function with its SQL_API_ id (SQLColAttribute and ODBC 2's
 * SQLColAttributes share 6). The three the driver manager implements are
 * marked: a driver never has them. */
static const struct odbc_function {
    const char *name;
    SQLUSMALLINT id;
    bool dm_only;
} odbc_functions[] = {
    {"SQLAllocConnect", SQL_API_SQLALLOCCONNECT, false},
    {"SQLAllocEnv", SQL_API_SQLALLOCENV, false},
    {"SQLAllocHandle", SQL_API_SQLALLOCHANDLE, false},
    {"SQLAllocHandleStd", SQL_API_SQLALLOCHANDLESTD, true},
    {"SQLAllocStmt", SQL_API_SQLALLOCSTMT, false},
    {"SQLBindCol", SQL_API_SQLBINDCOL, false},
    {"SQLBindParam", SQL_API_SQLBINDPARAM, false},
    {"SQLBindParameter", SQL_API_SQLBINDPARAMETER, false},
    {"SQLBrowseConnect", SQL_API_SQLBROWSECONNECT, false},
    {"SQLBulkOperations", SQL_API_SQLBULKOPERATIONS, false},
    {"SQLCancel", SQL_API_SQLCANCEL, false},
    {"SQLCancelHandle", SQL_API_SQLCANCELHANDLE, false},
    {"SQLCloseCursor", SQL_API_SQLCLOSECURSOR, false},
    {"SQLColAttribute", SQL_API_SQLCOLATTRIBUTE, false},
    {"SQLColAttributes", SQL_API_SQLCOLATTRIBUTES, false},
    {"SQLColumnPrivileges", SQL_API_SQLCOLUMNPRIVILEGES, false},
    {"SQLColumns", SQL_API_SQLCOLUMNS, false},
    {"SQLConnect", SQL_API_SQLCONNECT, false},
    {"SQLCopyDesc", SQL_API_SQLCOPYDESC, false},
    {"SQLDataSources", SQL_API_SQLDATASOURCES, true},
    {"SQLDescribeCol", SQL_API_SQLDESCRIBECOL, false},
    {"SQLDescribeParam", SQL_API_SQLDESCRIBEPARAM, false},
    {"SQLDisconnect", SQL_API_SQLDISCONNECT, false},
    {"SQLDriverConnect", SQL_API_SQLDRIVERCONNECT, false},
    {"SQLDrivers", SQL_API_SQLDRIVERS, true},
    {"SQLEndTran", SQL_API_SQLENDTRAN, false},
    {"SQLError", SQL_API_SQLERROR, false},
    {"SQLExecDirect", SQL_API_SQLEXECDIRECT, false},
    {"SQLExecute", SQL_API_SQLEXECUTE, false},
    {"SQLExtendedFetch", SQL_API_SQLEXTENDEDFETCH, false},
    {"SQLFetch", SQL_API_SQLFETCH, false},
    {"SQLFetchScroll", SQL_API_SQLFETCHSCROLL, false},
    {"SQLForeignKeys", SQL_API_SQLFOREIGNKEYS, false},
    {"SQLFreeConnect", SQL_API_SQLFREECONNECT, false},
    {"SQLFreeEnv", SQL_API_SQLFREEENV, false},
    {"SQLFreeHandle", SQL_API_SQLFREEHANDLE, false},
    {"SQLFreeStmt", SQL_API_SQLFREESTMT, false},
    {"SQLGetConnectAttr", SQL_API_SQLGETCONNECTATTR, false},
    {"SQLGetConnectOption", SQL_API_SQLGETCONNECTOPTION, false},
    {"SQLGetCursorName", SQL_API_SQLGETCURSORNAME, false},
    {"SQLGetData", SQL_API_SQLGETDATA, false},
    {"SQLGetDescField", SQL_API_SQLGETDESCFIELD, false},
    {"SQLGetDescRec", SQL_API_SQLGETDESCREC, false},
    {"SQLGetDiagField", SQL_API_SQLGETDIAGFIELD, false},
    {"SQLGetDiagRec", SQL_API_SQLGETDIAGREC, false},
    {"SQLGetEnvAttr", SQL_API_SQLGETENVATTR, false},
    {"SQLGetFunctions", SQL_API_SQLGETFUNCTIONS, false},
    {"SQLGetInfo", SQL_API_SQLGETINFO, false},
    {"SQLGetStmtAttr", SQL_API_SQLGETSTMTATTR, false},
    {"SQLGetStmtOption", SQL_API_SQLGETSTMTOPTION, false},
    {"SQLGetTypeInfo", SQL_API_SQLGETTYPEINFO, false},
    {"SQLMoreResults", SQL_API_SQLMORERESULTS, false},
    {"SQLNativeSql", SQL_API_SQLNATIVESQL, false},
    {"SQLNumParams", SQL_API_SQLNUMPARAMS, false},
    {"SQLNumResultCols", SQL_API_SQLNUMRESULTCOLS, false},
    {"SQLParamData", SQL_API_SQLPARAMDATA, false},
    {"SQLParamOptions", SQL_API_SQLPARAMOPTIONS, false},
    {"SQLPrepare", SQL_API_SQLPREPARE, false},
    {"SQLPrimaryKeys", SQL_API_SQLPRIMARYKEYS, false},
    {"SQLProcedureColumns", SQL_API_SQLPROCEDURECOLUMNS, false},
    {"SQLProcedures", SQL_API_SQLPROCEDURES, false},
    {"SQLPutData", SQL_API_SQLPUTDATA, false},
    {"SQLRowCount", SQL_API_SQLROWCOUNT, false},
    {"SQLSetConnectAttr", SQL_API_SQLSETCONNECTATTR, false},
    {"SQLSetConnectOption", SQL_API_SQLSETCONNECTOPTION, false},
    {"SQLSetCursorName", SQL_API_SQLSETCURSORNAME, false},
    {"SQLSetDescField", SQL_API_SQLSETDESCFIELD, false},
    {"SQLSetDescRec", SQL_API_SQLSETDESCREC, false},
    {"SQLSetEnvAttr", SQL_API_SQLSETENVATTR, false},
    {"SQLSetParam", SQL_API_SQLSETPARAM, false},
    {"SQLSetPos", SQL_API_SQLSETPOS, false},
    {"SQLSetScrollOptions", SQL_API_SQLSETSCROLLOPTIONS, false},
    {"SQLSetStmtAttr", SQL_API_SQLSETSTMTATTR, false},
    {"SQLSetStmtOption", SQL_API_SQLSETSTMTOPTION, false},
    {"SQLSpecialColumns", SQL_API_SQLSPECIALCOLUMNS, false},
    {"SQLStatistics", SQL_API_SQLSTATISTICS, false},
    {"SQLTablePrivileges", SQL_API_SQLTABLEPRIVILEGES, false},
    {"SQLTables", SQL_API_SQLTABLES, false},
    {"SQLTransact", SQL_API_SQLTRANSACT, false},
};
#define NFUNCS (sizeof odbc_functions / sizeof odbc_functions[0])

static const struct odbc_function *function_named(const char *name)
{
    for (size_t i = 0; i < NFUNCS; i++)
        if (strcmp(odbc_functions[i].name, name) == 0)
            return &odbc_functions[i];
    return NULL;
}

/* The driver library the driver manager loaded (under ASan, the sanitized one). */
static char driver_path[4096];

static int find_driver(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    const char *n = info->dlpi_name;
    if (!n || !*n)
        return 0;
    const char *base = strrchr(n, '/');
    base = base ? base + 1 : n;
    if (strcmp(base, "libathenaodbc.so") != 0)
        return 0;
    snprintf(driver_path, sizeof driver_path, "%s", n);
    return 1;
}

/* The functions the driver library exports: the defined, global function
 * symbols of its dynamic symbol table whose names start with "SQL". */
static bool read_exports(const char *path, lines *out)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || (size_t)sb.st_size < sizeof(Elf64_Ehdr)) {
        close(fd);
        return false;
    }
    size_t size = (size_t)sb.st_size;
    const unsigned char *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return false;
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)map;
    bool ok = memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 && eh->e_ident[EI_CLASS] == ELFCLASS64 &&
              eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf64_Shdr) <= size;
    bool found = false;
    for (size_t i = 0; ok && i < eh->e_shnum; i++) {
        const Elf64_Shdr *sh = (const Elf64_Shdr *)(map + eh->e_shoff) + i;
        if (sh->sh_type != SHT_DYNSYM || !sh->sh_entsize || sh->sh_link >= eh->e_shnum)
            continue;
        const Elf64_Shdr *strs = (const Elf64_Shdr *)(map + eh->e_shoff) + sh->sh_link;
        if (sh->sh_offset + sh->sh_size > size || strs->sh_offset + strs->sh_size > size)
            break;
        found = true;
        const char *names = (const char *)map + strs->sh_offset;
        for (size_t k = 0; k < sh->sh_size / sh->sh_entsize; k++) {
            const Elf64_Sym *sym = (const Elf64_Sym *)(map + sh->sh_offset) + k;
            unsigned bind = ELF64_ST_BIND(sym->st_info);
            if (sym->st_shndx == SHN_UNDEF || ELF64_ST_TYPE(sym->st_info) != STT_FUNC ||
                (bind != STB_GLOBAL && bind != STB_WEAK) || sym->st_name >= strs->sh_size)
                continue;
            const char *name = names + sym->st_name;
            if (strncmp(name, "SQL", 3) == 0)
                lines_add(out, name);
        }
    }
    munmap((void *)map, size);
    return ok && found;
}

static bool exported(const lines *ex, const char *name)
{
    for (size_t i = 0; i < ex->n; i++)
        if (strcmp(ex->v[i], name) == 0)
            return true;
    return false;
}

/* Whether the library exports a function of this id, in its ANSI or W form. */
static bool id_exported(const lines *ex, SQLUSMALLINT id)
{
    for (size_t i = 0; i < NFUNCS; i++) {
        if (odbc_functions[i].id != id)
            continue;
        char w[64];
        snprintf(w, sizeof w, "%sW", odbc_functions[i].name);
        if (exported(ex, odbc_functions[i].name) || exported(ex, w))
            return true;
    }
    return false;
}

typedef SQLRETURN (*get_functions_fn)(SQLHDBC, SQLUSMALLINT, SQLUSMALLINT *);

/* Checks the driver makes itself, called past the driver manager (which
 * refuses these calls before they reach the driver): SQLEndTran with an
 * unknown completion type and SQLGetFunctions without an output buffer. */
typedef SQLRETURN (*end_tran_fn)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT);
typedef SQLRETURN (*diag_rec_fn)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT, SQLCHAR *, SQLINTEGER *, SQLCHAR *,
                                 SQLSMALLINT, SQLSMALLINT *);
static void test_driver_checks(SQLHDBC dbc)
{
    void *lib = driver_path[0] ? dlopen(driver_path, RTLD_NOW | RTLD_NOLOAD) : NULL;
    CHECK(lib != NULL, "the driver library is loaded");
    if (!lib)
        return;
    end_tran_fn end_tran = (end_tran_fn)dlsym(lib, "SQLEndTran");
    diag_rec_fn diag_rec = (diag_rec_fn)dlsym(lib, "SQLGetDiagRec");
    get_functions_fn get_functions = (get_functions_fn)dlsym(lib, "SQLGetFunctions");
    SQLHDBC ddbc = driver_hdbc(dbc);
    char state[6] = "", msg[256] = "";
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    CHECK_RC(end_tran(SQL_HANDLE_DBC, ddbc, 99), SQL_ERROR, "driver SQLEndTran with completion type 99");
    diag_rec(SQL_HANDLE_DBC, ddbc, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len);
    CHECK_STR(state, "HY012", "its SQLSTATE");
    CHECK_STR(msg, "[Athena ODBC][Driver]Invalid transaction operation code: completion type 99", "its message");
    CHECK_RC(end_tran(SQL_HANDLE_DBC, ddbc, SQL_ROLLBACK), SQL_SUCCESS, "driver SQLEndTran(SQL_ROLLBACK)");
    CHECK_RC(diag_rec(SQL_HANDLE_DBC, ddbc, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len),
             SQL_NO_DATA, "which clears the record");
    CHECK_RC(get_functions(ddbc, SQL_API_SQLFETCH, NULL), SQL_ERROR, "driver SQLGetFunctions without a buffer");
    diag_rec(SQL_HANDLE_DBC, ddbc, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len);
    CHECK_STR(state, "HY009", "its SQLSTATE");
    CHECK_STR(msg, "[Athena ODBC][Driver]Invalid use of null pointer", "its message");
}

static void test_getfunctions(SQLHDBC dbc)
{
    driver_path[0] = '\0';
    dl_iterate_phdr(find_driver, NULL);
    CHECK(driver_path[0] != '\0', "the driver manager loaded libathenaodbc.so (%s)", driver_path);
    if (!driver_path[0])
        return;
    lines ex = {0};
    CHECK(read_exports(driver_path, &ex) && ex.n > 40, "read the dynamic symbol table of %s (%zu SQL functions)",
          driver_path, ex.n);
    void *lib = dlopen(driver_path, RTLD_NOW | RTLD_NOLOAD);
    CHECK(lib != NULL, "the driver library is the loaded one");
    get_functions_fn drv_get_functions = lib ? (get_functions_fn)dlsym(lib, "SQLGetFunctions") : NULL;
    CHECK(drv_get_functions != NULL, "dlsym(SQLGetFunctions)");
    if (!drv_get_functions) {
        lines_free(&ex);
        return;
    }
    SQLHDBC ddbc = driver_hdbc(dbc);

    /* the driver's own answer for SQL_API_ODBC3_ALL_FUNCTIONS */
    SQLUSMALLINT drv[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
    memset(drv, 0xFF, sizeof drv);
    CHECK_RC(drv_get_functions(ddbc, SQL_API_ODBC3_ALL_FUNCTIONS, drv), SQL_SUCCESS,
             "driver SQLGetFunctions(SQL_API_ODBC3_ALL_FUNCTIONS)");

    /* every ODBC function: reported exactly when the library exports it */
    for (size_t i = 0; i < NFUNCS; i++) {
        const struct odbc_function *f = &odbc_functions[i];
        bool rep = SQL_FUNC_EXISTS(drv, f->id) == SQL_TRUE;
        bool exp_ = id_exported(&ex, f->id);
        if (f->dm_only)
            CHECK(!rep && !exp_, "%s (%u) is the driver manager's: neither reported nor exported", f->name,
                  (unsigned)f->id);
        else
            CHECK(rep == exp_, "%s (%u): reported %s, exported %s", f->name, (unsigned)f->id, rep ? "yes" : "no",
                  exp_ ? "yes" : "no");
    }
    /* no bit for an id that names no ODBC function */
    char stray[512] = "";
    size_t slen = 0;
    for (unsigned id = 0; id < SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * 16; id++) {
        if (!SQL_FUNC_EXISTS(drv, id))
            continue;
        bool known = false;
        for (size_t i = 0; i < NFUNCS; i++)
            known = known || odbc_functions[i].id == id;
        if (!known)
            slen += (size_t)snprintf(stray + slen, slen < sizeof stray ? sizeof stray - slen : 0, " %u", id);
    }
    CHECK(slen == 0, "the bitmap has no bit for an unknown function id%s", stray);
    /* every exported SQL function is an ODBC function the driver reports, and W forms have their ANSI form */
    for (size_t i = 0; i < ex.n; i++) {
        const char *name = ex.v[i];
        const struct odbc_function *f = function_named(name);
        char ansi[64];
        size_t n = strlen(name);
        if (!f && n > 4 && name[n - 1] == 'W') {
            snprintf(ansi, sizeof ansi, "%.*s", (int)(n - 1), name);
            f = function_named(ansi);
            CHECK(f && exported(&ex, ansi), "%s has its ANSI form %s", name, ansi);
        }
        CHECK(f && !f->dm_only && SQL_FUNC_EXISTS(drv, f->id), "exported %s is a function SQLGetFunctions reports",
              name);
    }

    /* the ODBC 2 array and single ids say the same */
    SQLUSMALLINT arr[100];
    memset(arr, 0xFF, sizeof arr);
    CHECK_RC(drv_get_functions(ddbc, SQL_API_ALL_FUNCTIONS, arr), SQL_SUCCESS, "driver SQLGetFunctions(SQL_API_ALL_FUNCTIONS)");
    int diff = 0;
    for (unsigned id = 1; id < 100; id++)
        if (arr[id] != (SQL_FUNC_EXISTS(drv, id) ? SQL_TRUE : SQL_FALSE))
            diff++;
    CHECK(diff == 0 && arr[0] == SQL_FALSE, "SQL_API_ALL_FUNCTIONS matches the ODBC 3 bitmap (%d differences)", diff);
    diff = 0;
    static const SQLUSMALLINT extra_ids[] = {100, 199, 500, 1023, 1024, 2000, 3999};
    for (size_t i = 0; i < NFUNCS + sizeof extra_ids / sizeof extra_ids[0]; i++) {
        SQLUSMALLINT id = i < NFUNCS ? odbc_functions[i].id : extra_ids[i - NFUNCS];
        SQLUSMALLINT one = 0xFFFF;
        if (drv_get_functions(ddbc, id, &one) != SQL_SUCCESS ||
            one != ((i < NFUNCS && SQL_FUNC_EXISTS(drv, id)) ? SQL_TRUE : SQL_FALSE))
            diff++;
    }
    CHECK_INT(diff, 0, "single function ids answer as the bitmap (unknown ids: SQL_FALSE)");

    /* the functions not implemented yet say so */
    static const SQLUSMALLINT missing[] = {
        SQL_API_SQLBULKOPERATIONS,
        SQL_API_SQLGETCURSORNAME, SQL_API_SQLSETCURSORNAME, SQL_API_SQLBROWSECONNECT};
    int wrong = 0;
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++)
        if (SQL_FUNC_EXISTS(drv, missing[i]))
            wrong++;
    CHECK_INT(wrong, 0, "bulk, cursor-name and browse functions are reported missing");
    static const SQLUSMALLINT catalog_fns[] = {
        SQL_API_SQLTABLES, SQL_API_SQLCOLUMNS, SQL_API_SQLPRIMARYKEYS, SQL_API_SQLSTATISTICS,
        SQL_API_SQLSPECIALCOLUMNS, SQL_API_SQLFOREIGNKEYS, SQL_API_SQLPROCEDURES, SQL_API_SQLPROCEDURECOLUMNS,
        SQL_API_SQLTABLEPRIVILEGES, SQL_API_SQLCOLUMNPRIVILEGES};
    wrong = 0;
    for (size_t i = 0; i < sizeof catalog_fns / sizeof catalog_fns[0]; i++)
        if (!SQL_FUNC_EXISTS(drv, catalog_fns[i]))
            wrong++;
    CHECK_INT(wrong, 0, "every catalog function is reported");
    CHECK(SQL_FUNC_EXISTS(drv, SQL_API_SQLBINDPARAMETER) && SQL_FUNC_EXISTS(drv, SQL_API_SQLDESCRIBEPARAM) &&
          SQL_FUNC_EXISTS(drv, SQL_API_SQLPARAMDATA) && SQL_FUNC_EXISTS(drv, SQL_API_SQLPUTDATA) &&
          SQL_FUNC_EXISTS(drv, SQL_API_SQLNUMPARAMS), "the parameter functions are reported");
    CHECK(SQL_FUNC_EXISTS(drv, SQL_API_SQLSETPOS), "SQLSetPos (SQL_POSITION) is reported");

    /* through the driver manager: the driver's functions, plus what the
     * driver manager maps (ODBC 2 options and parameters onto ODBC 3 calls)
     * or does itself */
    static const SQLUSMALLINT dm_adds[] = {SQL_API_SQLGETCONNECTOPTION, SQL_API_SQLGETSTMTOPTION,
                                           SQL_API_SQLSETCONNECTOPTION, SQL_API_SQLSETSTMTOPTION,
                                           SQL_API_SQLDATASOURCES,      SQL_API_SQLPARAMOPTIONS,
                                           SQL_API_SQLSETSCROLLOPTIONS, SQL_API_SQLDRIVERS,
                                           SQL_API_SQLALLOCHANDLESTD,   SQL_API_SQLSETPARAM,
                                           SQL_API_SQLBINDPARAM};
    SQLUSMALLINT dm[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
    CHECK_RC(SQLGetFunctions(dbc, SQL_API_ODBC3_ALL_FUNCTIONS, dm), SQL_SUCCESS, "SQLGetFunctions through the driver manager");
    char dmdiff[512] = "";
    size_t dlen = 0;
    for (unsigned id = 0; id < SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * 16; id++) {
        bool want = SQL_FUNC_EXISTS(drv, id) == SQL_TRUE;
        for (size_t k = 0; k < sizeof dm_adds / sizeof dm_adds[0]; k++)
            want = want || dm_adds[k] == id;
        if ((SQL_FUNC_EXISTS(dm, id) == SQL_TRUE) != want)
            dlen += (size_t)snprintf(dmdiff + dlen, dlen < sizeof dmdiff ? sizeof dmdiff - dlen : 0, " %u", id);
    }
    CHECK(dlen == 0, "the driver manager reports the driver's functions and its own mappings, nothing else%s", dmdiff);
    SQLUSMALLINT one = SQL_FALSE;
    CHECK_RC(SQLGetFunctions(dbc, SQL_API_SQLTABLES, &one), SQL_SUCCESS, "SQLGetFunctions(SQLTables)");
    CHECK_INT(one, SQL_TRUE, "applications see SQLTables");
    one = SQL_TRUE;
    CHECK_RC(SQLGetFunctions(dbc, SQL_API_SQLGETCURSORNAME, &one), SQL_SUCCESS, "SQLGetFunctions(SQLGetCursorName)");
    CHECK_INT(one, SQL_FALSE, "applications see SQLGetCursorName as missing");
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLCHAR cursor[64];
    SQLSMALLINT cursor_len = 0;
    CHECK_RC(SQLGetCursorName(st, cursor, sizeof cursor, &cursor_len), SQL_ERROR,
             "SQLGetCursorName through the driver manager");
    CHECK_STATE(SQL_HANDLE_STMT, st, "IM001", "the driver manager refuses a function the driver lacks");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    CHECK_RC(SQLGetFunctions(dbc, 5000, &one), SQL_ERROR, "SQLGetFunctions of an id out of range");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "HY095", "function id out of range");
    lines_free(&ex);
}

/* ------------------------------------------------------------ SQLGetTypeInfo */

static const char *const ti_columns[] = {
    "TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE",
    "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE", "AUTO_UNIQUE_VALUE",
    "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX",
    "INTERVAL_PRECISION"};
/* the SQL types of the result's columns (SQLGetTypeInfo's specification) */
static const SQLSMALLINT ti_sqltypes[] = {
    SQL_VARCHAR, SQL_SMALLINT, SQL_INTEGER, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT,
    SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT,
    SQL_SMALLINT, SQL_INTEGER, SQL_SMALLINT};
#define TI_NCOLS 19

/* Runs SQLGetTypeInfo(type) and reads every row as "v1|v2|...|v19" (NULL for
 * SQL NULL). Returns the return code of SQLGetTypeInfo. */
static SQLRETURN type_info_rows(SQLHDBC dbc, SQLSMALLINT type, lines *rows, bool check_columns)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLRETURN rc = SQLGetTypeInfo(st, type);
    if (!SQL_SUCCEEDED(rc)) {
        show_diag("SQLGetTypeInfo", SQL_HANDLE_STMT, st);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return rc;
    }
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    if (check_columns) {
        CHECK_INT(ncols, TI_NCOLS, "SQLGetTypeInfo has 19 columns");
        int bad = 0;
        for (SQLUSMALLINT c = 1; c <= ncols && c <= TI_NCOLS; c++) {
            char name[64];
            SQLSMALLINT nlen, sqltype, digits, nullable;
            SQLULEN size;
            SQLDescribeCol(st, c, (SQLCHAR *)name, sizeof name, &nlen, &sqltype, &size, &digits, &nullable);
            if (strcmp(name, ti_columns[c - 1]) != 0 || sqltype != ti_sqltypes[c - 1]) {
                printf("# column %u: %s type %d\n", (unsigned)c, name, (int)sqltype);
                bad++;
            }
        }
        CHECK_INT(bad, 0, "SQLGetTypeInfo's column names and types");
    }
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        char row[4096];
        size_t len = 0;
        row[0] = '\0';
        for (SQLUSMALLINT c = 1; c <= ncols; c++) {
            char v[512];
            SQLLEN ind = 0;
            SQLGetData(st, c, SQL_C_CHAR, v, sizeof v, &ind);
            len += (size_t)snprintf(row + len, sizeof row - len, "%s%s", c > 1 ? "|" : "",
                                    ind == SQL_NULL_DATA ? "NULL" : v);
        }
        lines_add(rows, row);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return rc;
}

/* Field k (0-based) of a "a|b|c" row. */
static void row_field(const char *row, int k, char *out, size_t size)
{
    for (int i = 0; i < k && row; i++) {
        row = strchr(row, '|');
        if (row)
            row++;
    }
    if (!row) {
        snprintf(out, size, "%s", "");
        return;
    }
    const char *end = strchr(row, '|');
    snprintf(out, size, "%.*s", (int)(end ? end - row : (ptrdiff_t)strlen(row)), row);
}

static int row_data_type(const char *row)
{
    char f[32];
    row_field(row, 1, f, sizeof f);
    return atoi(f);
}

static void test_typeinfo(SQLHDBC dbc)
{
    lines all = {0};
    CHECK_RC(type_info_rows(dbc, SQL_ALL_TYPES, &all, true), SQL_SUCCESS, "SQLGetTypeInfo(SQL_ALL_TYPES)");
    lines dump = {0};
    char header[1024] = "";
    size_t hlen = 0;
    for (int c = 0; c < TI_NCOLS; c++)
        hlen += (size_t)snprintf(header + hlen, sizeof header - hlen, "%s%s", c ? "|" : "", ti_columns[c]);
    lines_add(&dump, header);
    for (size_t i = 0; i < all.n; i++)
        lines_add(&dump, all.v[i]);
    compare_with_expected("typeinfo.txt", "typeinfo.txt", &dump);
    lines_free(&dump);

    /* ordered by DATA_TYPE */
    int unordered = 0;
    for (size_t i = 1; i < all.n; i++)
        if (row_data_type(all.v[i - 1]) > row_data_type(all.v[i]))
            unordered++;
    CHECK(unordered == 0 && all.n == 24, "24 types ordered by DATA_TYPE");

    /* each DATA_TYPE alone gives exactly its rows, in the same (closeness) order */
    int bad_types = 0;
    for (size_t i = 0; i < all.n; i++) {
        int t = row_data_type(all.v[i]);
        if (i > 0 && row_data_type(all.v[i - 1]) == t)
            continue;
        lines one = {0};
        type_info_rows(dbc, (SQLSMALLINT)t, &one, false);
        size_t k = 0;
        bool same = true;
        for (size_t j = 0; j < all.n; j++) {
            if (row_data_type(all.v[j]) != t)
                continue;
            if (k >= one.n || strcmp(one.v[k], all.v[j]) != 0)
                same = false;
            k++;
        }
        if (!same || k != one.n) {
            printf("# SQLGetTypeInfo(%d) differs\n", t);
            bad_types++;
        }
        lines_free(&one);
    }
    CHECK_INT(bad_types, 0, "SQLGetTypeInfo of each DATA_TYPE gives its rows of SQL_ALL_TYPES");

    /* SQL_VARCHAR: varchar first, then the types handed over as character data */
    lines vc = {0};
    type_info_rows(dbc, SQL_VARCHAR, &vc, false);
    char names[1024] = "";
    size_t nlen = 0;
    for (size_t i = 0; i < vc.n; i++) {
        char f[64];
        row_field(vc.v[i], 0, f, sizeof f);
        nlen += (size_t)snprintf(names + nlen, sizeof names - nlen, "%s%s", i ? "," : "", f);
    }
    CHECK_STR(names,
              "varchar,time with time zone,timestamp with time zone,interval year to month,"
              "interval day to second,array,map,row,json,uuid,ipaddress",
              "SQLGetTypeInfo(SQL_VARCHAR) in closeness order");
    lines_free(&vc);

    /* SQL types Athena has no type for: an empty result */
    static const SQLSMALLINT none[] = {SQL_LONGVARCHAR, SQL_WCHAR, SQL_WVARCHAR, SQL_WLONGVARCHAR, SQL_GUID,
                                       SQL_NUMERIC, SQL_FLOAT, SQL_BINARY, SQL_LONGVARBINARY,
                                       SQL_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_YEAR_TO_MONTH};
    int nonempty = 0;
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        lines r = {0};
        if (type_info_rows(dbc, none[i], &r, false) != SQL_SUCCESS || r.n != 0)
            nonempty++;
        lines_free(&r);
    }
    CHECK_INT(nonempty, 0, "valid SQL types Athena does not have give an empty result");

    /* a number that is no SQL type */
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLGetTypeInfo(st, 999), SQL_ERROR, "SQLGetTypeInfo(999)");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY004", "invalid SQL data type");
    /* an open cursor first has to be closed */
    CHECK_RC(SQLGetTypeInfo(st, SQL_ALL_TYPES), SQL_SUCCESS, "SQLGetTypeInfo opens a cursor");
    CHECK_RC(SQLGetTypeInfo(st, SQL_ALL_TYPES), SQL_ERROR, "SQLGetTypeInfo with a cursor open");
    CHECK_STATE(SQL_HANDLE_STMT, st, "24000", "invalid cursor state");
    /* unixODBC moves the statement to "allocated" after that error, so it
     * would refuse SQLCloseCursor itself: SQLFreeStmt(SQL_CLOSE) reaches the driver */
    CHECK_RC(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS, "close the cursor");
    /* SQL_ATTR_MAX_ROWS applies to it (SQL_CA2_MAX_ROWS_CATALOG) */
    SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)2, 0);
    CHECK_RC(SQLGetTypeInfo(st, SQL_ALL_TYPES), SQL_SUCCESS, "SQLGetTypeInfo with SQL_ATTR_MAX_ROWS 2");
    int fetched = 0;
    while (SQL_SUCCEEDED(SQLFetch(st)))
        fetched++;
    CHECK_INT(fetched, 2, "SQL_ATTR_MAX_ROWS limits SQLGetTypeInfo's rows");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* the ODBC 2 date/time codes are accepted from an ODBC 3 application too */
    lines ts = {0};
    type_info_rows(dbc, SQL_TIMESTAMP, &ts, false);
    CHECK(ts.n == 1 && strncmp(ts.v[0], "timestamp|93|", 13) == 0, "SQLGetTypeInfo(SQL_TIMESTAMP) in ODBC 3: %s",
          ts.n ? ts.v[0] : "(none)");
    lines_free(&ts);

    /* an ODBC 2 application: SQL_DATE/SQL_TIME/SQL_TIMESTAMP codes, ordered by them */
    SQLHENV env2 = SQL_NULL_HENV;
    SQLHDBC dbc2 = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env2);
    SQLSetEnvAttr(env2, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC2, 0);
    SQLAllocHandle(SQL_HANDLE_DBC, env2, &dbc2);
    char in[256];
    snprintf(in, sizeof in, "DSN=%s;", test_dsn());
    SQLRETURN rc = SQLDriverConnect(dbc2, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    CHECK(SQL_SUCCEEDED(rc), "connect with an ODBC 2 environment");
    if (SQL_SUCCEEDED(rc)) {
        lines v2 = {0};
        type_info_rows(dbc2, SQL_ALL_TYPES, &v2, false);
        /* expected: the ODBC 3 rows with 91/92/93 as 9/10/11, stably re-sorted */
        lines want = {0};
        for (int pass = -20; pass <= 100; pass++) {
            for (size_t i = 0; i < all.n; i++) {
                int t = row_data_type(all.v[i]);
                int t2 = t == SQL_TYPE_DATE ? SQL_DATE : t == SQL_TYPE_TIME ? SQL_TIME : t == SQL_TYPE_TIMESTAMP ? SQL_TIMESTAMP : t;
                if (t2 != pass)
                    continue;
                char row[4096], name[64];
                row_field(all.v[i], 0, name, sizeof name);
                const char *rest = strchr(strchr(all.v[i], '|') + 1, '|');
                snprintf(row, sizeof row, "%s|%d%s", name, t2, rest);
                lines_add(&want, row);
            }
        }
        int bad = 0;
        for (size_t i = 0; i < want.n || i < v2.n; i++) {
            if (i >= want.n || i >= v2.n || strcmp(want.v[i], v2.v[i]) != 0) {
                printf("# ODBC 2 row %zu: got %s, want %s\n", i + 1, i < v2.n ? v2.v[i] : "(none)",
                       i < want.n ? want.v[i] : "(none)");
                bad++;
            }
        }
        CHECK(bad == 0 && v2.n == 24, "ODBC 2: date, time, timestamp as 9, 10, 11 in DATA_TYPE order (%d rows differ)", bad);
        lines_free(&want);
        lines_free(&v2);
        lines t11 = {0};
        type_info_rows(dbc2, SQL_TIMESTAMP, &t11, false);
        CHECK(t11.n == 1 && strncmp(t11.v[0], "timestamp|11|", 13) == 0, "ODBC 2 SQLGetTypeInfo(SQL_TIMESTAMP): %s",
              t11.n ? t11.v[0] : "(none)");
        lines_free(&t11);
        lines d9 = {0};
        type_info_rows(dbc2, SQL_DATE, &d9, false);
        CHECK(d9.n == 1 && strncmp(d9.v[0], "date|9|", 7) == 0, "ODBC 2 SQLGetTypeInfo(SQL_DATE): %s",
              d9.n ? d9.v[0] : "(none)");
        lines_free(&d9);
        SQLDisconnect(dbc2);
    }
    SQLFreeHandle(SQL_HANDLE_DBC, dbc2);
    SQLFreeHandle(SQL_HANDLE_ENV, env2);

    /* UseWCharForStringTypes=1: the character types are the W ones */
    SQLHDBC wdbc = test_connect("UseWCharForStringTypes=1");
    CHECK(wdbc != SQL_NULL_HDBC, "connect with UseWCharForStringTypes=1");
    if (wdbc) {
        lines w = {0}, v = {0}, c = {0};
        type_info_rows(wdbc, SQL_WVARCHAR, &w, false);
        type_info_rows(wdbc, SQL_VARCHAR, &v, false);
        type_info_rows(wdbc, SQL_WCHAR, &c, false);
        CHECK(w.n == 11 && strncmp(w.v[0], "varchar|-9|65535|", 17) == 0, "SQL_WVARCHAR lists varchar first, 11 types");
        CHECK_INT(v.n, 0, "no SQL_VARCHAR type with UseWCharForStringTypes=1");
        CHECK(c.n == 1 && strncmp(c.v[0], "char|-8|255|", 12) == 0, "SQL_WCHAR is char");
        lines_free(&w);
        lines_free(&v);
        lines_free(&c);
        test_disconnect(wdbc);
    }
    lines_free(&all);
}

/* ------------------------------------------------------------ the behaviour behind the answers */

#define ROWS_SQL "SELECT n, n * 10, 'r' || CAST(n AS varchar) FROM numbers WHERE n <= 6 ORDER BY n"

/* SQL_GETDATA_EXTENSIONS = ANY_COLUMN | ANY_ORDER | BOUND | BLOCK */
static void test_getdata_extensions(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, ROWS_SQL, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "query for the SQLGetData checks");
    SQLINTEGER bound = 0;
    SQLLEN bind_ind = 0;
    SQLBindCol(st, 2, SQL_C_SLONG, &bound, 0, &bind_ind);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch row 1");
    char text[16];
    SQLINTEGER n = 0, again = 0;
    SQLLEN ind = 0;
    CHECK_RC(SQLGetData(st, 3, SQL_C_CHAR, text, sizeof text, &ind), SQL_SUCCESS, "SQL_GD_ANY_COLUMN: column 3, after the bound column");
    CHECK_STR(text, "r1", "column 3 of row 1");
    CHECK_RC(SQLGetData(st, 1, SQL_C_SLONG, &n, 0, &ind), SQL_SUCCESS, "SQL_GD_ANY_ORDER: back to column 1");
    CHECK_INT(n, 1, "column 1 of row 1");
    CHECK_RC(SQLGetData(st, 2, SQL_C_SLONG, &again, 0, &ind), SQL_SUCCESS, "SQL_GD_BOUND: the bound column");
    CHECK(again == 10 && bound == 10, "bound and SQLGetData agree (%d, %d)", (int)bound, (int)again);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQL_GD_BLOCK: SQLGetData on a row of a block cursor after SQLSetPos */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLINTEGER ns[3];
    SQLLEN inds[3];
    SQLULEN fetched = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)ROWS_SQL, SQL_NTS), SQL_SUCCESS, "query for the block cursor");
    SQLBindCol(st, 1, SQL_C_SLONG, ns, 0, inds);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch a block of 3");
    CHECK_RC(SQLSetPos(st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQLSetPos(2, SQL_POSITION, SQL_LOCK_NO_CHANGE)");
    CHECK_RC(SQLGetData(st, 3, SQL_C_CHAR, text, sizeof text, &ind), SQL_SUCCESS, "SQLGetData in the block");
    CHECK_STR(text, "r2", "row 2 of the block");
    /* SQL_POS_OPERATIONS / SQL_CA1: position only; SQL_LOCK_TYPES: no change only */
    CHECK_RC(SQLSetPos(st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_ERROR, "SQLSetPos(SQL_UPDATE)");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HYC00", "the cursor is read-only");
    CHECK_RC(SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_EXCLUSIVE), SQL_ERROR, "SQLSetPos with SQL_LOCK_EXCLUSIVE");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HYC00", "no row locks");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQL_MAX_CONCURRENT_ACTIVITIES 0 and SQL_CURSOR_COMMIT/ROLLBACK_BEHAVIOR SQL_CB_PRESERVE */
static void test_cursors_and_transactions(SQLHDBC dbc)
{
    SQLRETURN rc1, rc2;
    SQLHSTMT a = test_exec(dbc, ROWS_SQL, &rc1);
    SQLHSTMT b = test_exec(dbc, ROWS_SQL, &rc2);
    CHECK(rc1 == SQL_SUCCESS && rc2 == SQL_SUCCESS, "two statements of one connection with results open");
    SQLINTEGER x = 0, y = 0;
    SQLLEN ind;
    SQLFetch(a);
    SQLFetch(b);
    SQLFetch(b);
    SQLGetData(a, 1, SQL_C_SLONG, &x, 0, &ind);
    SQLGetData(b, 1, SQL_C_SLONG, &y, 0, &ind);
    CHECK(x == 1 && y == 2, "each statement keeps its own position (%d, %d)", (int)x, (int)y);
    CHECK_RC(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_SUCCESS, "SQLEndTran(SQL_COMMIT)");
    CHECK_RC(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_SUCCESS, "SQLEndTran(SQL_ROLLBACK)");
    CHECK_RC(SQLFetch(a), SQL_SUCCESS, "the cursor survives commit and rollback");
    SQLGetData(a, 1, SQL_C_SLONG, &x, 0, &ind);
    CHECK_INT(x, 2, "and goes on where it was");
    SQLFreeHandle(SQL_HANDLE_STMT, a);
    SQLFreeHandle(SQL_HANDLE_STMT, b);
}

/* options the answers say are not there */
static void test_refused_options(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    /* SQL_SCROLL_OPTIONS = SQL_SO_FORWARD_ONLY */
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0), SQL_SUCCESS_WITH_INFO,
             "a static cursor is asked for");
    CHECK_STATE(SQL_HANDLE_STMT, st, "01S02", "option value changed");
    SQLULEN v = 99;
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    CHECK_INT(v, SQL_CURSOR_FORWARD_ONLY, "the cursor stays forward-only");
    /* SQL_ASYNC_MODE = SQL_AM_NONE */
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_ASYNC_ENABLE, (SQLPOINTER)SQL_ASYNC_ENABLE_ON, 0), SQL_ERROR,
             "asynchronous execution");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HYC00", "asynchronous execution is not there");
    /* SQL_CURSOR_SENSITIVITY = SQL_INSENSITIVE */
    v = 99;
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_SENSITIVITY, &v, 0, NULL);
    CHECK_INT(v, SQL_INSENSITIVE, "statement cursors are insensitive");
    /* SQL_BOOKMARK_PERSISTENCE = 0 */
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0), SQL_ERROR, "bookmarks");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != SQL_NULL_HDBC, "connect to %s", test_dsn());
    if (!dbc)
        return th_done();
    test_getinfo_dump(dbc);
    test_getinfo_wide(dbc);
    test_getinfo_lengths(dbc);
    test_keywords(dbc);
    test_getfunctions(dbc);
    test_driver_checks(dbc);
    test_typeinfo(dbc);
    test_getdata_extensions(dbc);
    test_cursors_and_transactions(dbc);
    test_refused_options(dbc);
    test_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, test_env());
    return th_done();
}
