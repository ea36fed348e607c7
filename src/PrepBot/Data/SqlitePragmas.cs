using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrepBot.Data;

/// <summary>
/// Per-connection SQLite settings (journal_mode=WAL is stored in the file by <see cref="DatabaseMigrator"/>).
/// Automatic checkpoints are off: <see cref="WalCheckpointer"/> does them in the background, so a commit
/// never pays for copying the WAL into the database.
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA synchronous={synchronous.ToUpperInvariant()}; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint=0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
