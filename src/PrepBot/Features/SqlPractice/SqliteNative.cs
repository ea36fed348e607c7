using System.Runtime.InteropServices;
using SQLitePCL;

namespace PrepBot.Features.SqlPractice;

/// <summary>SQLite calls that SQLitePCLRaw 2.1 does not wrap, looked up in the same native library it loads.</summary>
internal static class SqliteNative
{
    private static readonly ErrorOffsetFunction? ErrorOffsetExport = FindErrorOffset();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int ErrorOffsetFunction(IntPtr db);

    /// <summary>Makes sure SQLitePCLRaw has its provider (Microsoft.Data.Sqlite does this too, on first use).</summary>
    public static void EnsureInitialized() => Batteries_V2.Init();

    /// <summary>
    /// <c>sqlite3_error_offset</c>: the UTF-8 byte offset in the SQL text where the last error on
    /// <paramref name="db"/> was found, or -1 when SQLite gives none (or the native library lacks the function).
    /// </summary>
    public static int ErrorOffset(sqlite3 db) => ErrorOffsetExport is { } function ? function(db.DangerousGetHandle()) : -1;

    private static ErrorOffsetFunction? FindErrorOffset()
    {
        EnsureInitialized();
        return NativeLibrary.TryLoad("e_sqlite3", typeof(SqliteNative).Assembly, null, out var library)
            && NativeLibrary.TryGetExport(library, "sqlite3_error_offset", out var address)
                ? Marshal.GetDelegateForFunctionPointer<ErrorOffsetFunction>(address)
                : null;
    }
}
