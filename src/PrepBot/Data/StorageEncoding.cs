using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PrepBot.Data;

/// <summary>
/// How values are stored, in one place for every store and for <see cref="PrepBotDbContext"/>'s value converter: instants as
/// Unix milliseconds (SQLite compares and indexes integers exactly), days as ISO <c>yyyy-MM-dd</c> text (as EF Core's SQLite
/// provider stores <see cref="DateOnly"/>; it orders as dates do). Also the one way a store opens the context's connection
/// for hand-written SQL.
/// </summary>
internal static class StorageEncoding
{
    public static long Millis(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset Instant(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The context's connection, opened through EF Core so it gets PrepBot's pragmas (see <see cref="SqlitePragmas"/>).</summary>
    public static async Task<SqliteConnection> OpenConnectionAsync(PrepBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (SqliteConnection)db.Database.GetDbConnection();
    }
}
