/* sqlstate.c - the table behind sqlstate.h. The ODBC 2 column follows the
 * SQLSTATE mappings of the ODBC 3 specification: S1xxx for HYxxx, S00xx for
 * 42Sxx, and the few states whose meaning moved (22007 -> 22008, 22018 ->
 * 22005, 42000 -> 37000, 07005 -> 24000, 07009 -> S1002, HY024 -> S1009). */
#include "sqlstate.h"

static const sqlstate_info table[] = {
    [SS_01000] = {"01000", "01000", "General warning"},
    [SS_01004] = {"01004", "01004", "String data, right truncated"},
    [SS_01S02] = {"01S02", "01S02", "Option value changed"},
    [SS_01S07] = {"01S07", "01S07", "Fractional truncation"},
    [SS_07002] = {"07002", "07001", "COUNT field incorrect"},
    [SS_07005] = {"07005", "24000", "Prepared statement not a cursor-specification"},
    [SS_07006] = {"07006", "07006", "Restricted data type attribute violation"},
    [SS_07009] = {"07009", "S1002", "Invalid descriptor index"},
    [SS_08001] = {"08001", "08001", "Client unable to establish connection"},
    [SS_08002] = {"08002", "08002", "Connection name in use"},
    [SS_08003] = {"08003", "08003", "Connection not open"},
    [SS_08S01] = {"08S01", "08S01", "Communication link failure"},
    [SS_22001] = {"22001", "22001", "String data, right truncated"},
    [SS_22002] = {"22002", "22002", "Indicator variable required but not supplied"},
    [SS_22003] = {"22003", "22003", "Numeric value out of range"},
    [SS_22007] = {"22007", "22008", "Invalid datetime format"},
    [SS_22008] = {"22008", "22008", "Datetime field overflow"},
    [SS_22012] = {"22012", "22012", "Division by zero"},
    [SS_22015] = {"22015", "22015", "Interval field overflow"},
    [SS_22018] = {"22018", "22005", "Invalid character value for cast specification"},
    [SS_24000] = {"24000", "24000", "Invalid cursor state"},
    [SS_28000] = {"28000", "28000", "Invalid authorization specification"},
    [SS_34000] = {"34000", "34000", "Invalid cursor name"},
    [SS_3C000] = {"3C000", "3C000", "Duplicate cursor name"},
    [SS_42000] = {"42000", "37000", "Syntax error or access violation"},
    [SS_42S02] = {"42S02", "S0002", "Base table or view not found"},
    [SS_42S22] = {"42S22", "S0022", "Column not found"},
    [SS_HY000] = {"HY000", "S1000", "General error"},
    [SS_HY001] = {"HY001", "S1001", "Memory allocation error"},
    [SS_HY003] = {"HY003", "S1003", "Invalid application buffer type"},
    [SS_HY004] = {"HY004", "S1004", "Invalid SQL data type"},
    [SS_HY007] = {"HY007", "S1010", "Associated statement is not prepared"},
    [SS_HY008] = {"HY008", "S1008", "Operation canceled"},
    [SS_HY009] = {"HY009", "S1009", "Invalid use of null pointer"},
    [SS_HY010] = {"HY010", "S1010", "Function sequence error"},
    [SS_HY011] = {"HY011", "S1011", "Attribute cannot be set now"},
    [SS_HY012] = {"HY012", "S1012", "Invalid transaction operation code"},
    [SS_HY016] = {"HY016", "S1000", "Cannot modify an implementation row descriptor"},
    [SS_HY017] = {"HY017", "S1000", "Invalid use of an automatically allocated descriptor handle"},
    [SS_HY019] = {"HY019", "S1000", "Non-character and non-binary data sent in pieces"},
    [SS_HY020] = {"HY020", "S1000", "Attempt to concatenate a null value"},
    [SS_HY024] = {"HY024", "S1009", "Invalid attribute value"},
    [SS_HY090] = {"HY090", "S1090", "Invalid string or buffer length"},
    [SS_HY091] = {"HY091", "S1091", "Invalid descriptor field identifier"},
    [SS_HY092] = {"HY092", "S1092", "Invalid attribute/option identifier"},
    [SS_HY096] = {"HY096", "S1096", "Invalid information type"},
    [SS_HY097] = {"HY097", "S1097", "Column type out of range"},
    [SS_HY098] = {"HY098", "S1098", "Scope type out of range"},
    [SS_HY099] = {"HY099", "S1099", "Nullable type out of range"},
    [SS_HY100] = {"HY100", "S1100", "Uniqueness option type out of range"},
    [SS_HY101] = {"HY101", "S1101", "Accuracy option type out of range"},
    [SS_HY104] = {"HY104", "S1104", "Invalid precision or scale value"},
    [SS_HY105] = {"HY105", "S1105", "Invalid parameter type"},
    [SS_HY106] = {"HY106", "S1106", "Fetch type out of range"},
    [SS_HY107] = {"HY107", "S1107", "Row value out of range"},
    [SS_HY109] = {"HY109", "S1109", "Invalid cursor position"},
    [SS_HY110] = {"HY110", "S1110", "Invalid driver completion"},
    [SS_HYC00] = {"HYC00", "S1C00", "Optional feature not implemented"},
    [SS_HYT00] = {"HYT00", "S1T00", "Timeout expired"},
    [SS_HYT01] = {"HYT01", "S1T00", "Connection timeout expired"},
    [SS_IM001] = {"IM001", "IM001", "Driver does not support this function"},
};

_Static_assert(sizeof table / sizeof table[0] == SS_COUNT, "every sqlstate_id has an entry");

const sqlstate_info *sqlstate_get(sqlstate_id id)
{
    if ((int)id < 0 || id >= SS_COUNT || !table[id].state)
        return &table[SS_HY000];
    return &table[id];
}
