using SQLitePCL;

namespace PrepBot.Features.SqlPractice;

/// <summary>Reading statements' rows through SQLitePCLRaw: values as <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="byte"/>[] or null.</summary>
internal static class SqliteValues
{
    public static object? Read(sqlite3_stmt statement, int column) => raw.sqlite3_column_type(statement, column) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, column),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, column).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, column).ToArray(),
        _ => null,
    };

    public static object?[] ReadRow(sqlite3_stmt statement, int columns)
    {
        var row = new object?[columns];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = Read(statement, i);
        }

        return row;
    }

    public static IReadOnlyList<string> ColumnNames(sqlite3_stmt statement)
    {
        var count = raw.sqlite3_column_count(statement);
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = raw.sqlite3_column_name(statement, i).utf8_to_string() ?? string.Empty;
        }

        return names;
    }

    /// <summary>Runs trusted SQL (PrepBot's own, never a learner's) and returns every row; throws on error.</summary>
    public static List<object?[]> Query(sqlite3 db, string sql, params string[] textParameters)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            for (var i = 0; i < textParameters.Length; i++)
            {
                Check(db, raw.sqlite3_bind_text(statement, i + 1, textParameters[i]));
            }

            var columns = raw.sqlite3_column_count(statement);
            var rows = new List<object?[]>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add(ReadRow(statement, columns));
            }

            Check(db, rc);
            return rows;
        }
    }

    public static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }
}
