using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Hosting;
using PrepBot.Learning;
using PrepBot.Operations.Backups;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Operations;

/// <summary>Backups of a live database on real SQLite files, and restoring them.</summary>
public sealed class DatabaseBackupTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("prepbot-backup-");
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private DatabaseBackupStore BackupOf(string databasePath) => new(new DatabaseLocation(databasePath), _time, NullLogger<DatabaseBackupStore>.Instance);

    private static string Query(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task A_backup_during_a_stream_of_grades_restores_to_a_sound_copy_with_every_grade_committed_before_it_began()
    {
        var learner = await _db.AddLearnerAsync();
        var store = new ReviewStore(_db.Factory, _time);
        var committed = 0;
        using var stop = new CancellationTokenSource();
        var firstGrades = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grading = Task.Run(
            async () =>
            {
                for (var card = 0; !stop.IsCancellationRequested; card++)
                {
                    await store.RecordAsync(learner, $"card-{card}", 0, 4, TimeZoneInfo.Utc, CancellationToken.None);
                    Volatile.Write(ref committed, card + 1);
                    if (card == 50)
                    {
                        firstGrades.SetResult();
                    }
                }
            },
            CancellationToken.None);
        await firstGrades.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var before = Volatile.Read(ref committed);
        var copy = await BackupOf(_db.Path).BackupAsync(Path.Combine(_folder.FullName, "nightly", "copy.db"), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await grading;
        var restored = Path.Combine(_folder.FullName, "restored", "prepbot.db");
        await BackupOf(restored).RestoreAsync(copy.FullName, TestContext.Current.CancellationToken);

        Assert.Equal("ok", Query(restored, "PRAGMA integrity_check"));
        var cardsInCopy = long.Parse(Query(restored, $"SELECT COUNT(DISTINCT CardId) FROM ReviewLogs WHERE LearnerId = {learner} AND CAST(SUBSTR(CardId, 6) AS INTEGER) < {before}"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(before, cardsInCopy);
        Assert.True(Volatile.Read(ref committed) > before, "grades went on while the backup ran");
    }

    [Fact]
    public async Task A_backup_into_a_folder_that_cannot_be_written_says_so_and_leaves_the_database_untouched()
    {
        var learner = await _db.AddLearnerAsync();
        await new ReviewStore(_db.Factory, _time).RecordAsync(learner, "card-1", 0, 4, TimeZoneInfo.Utc, TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();
        var notAFolder = Path.Combine(_folder.FullName, "plain-file");
        await File.WriteAllTextAsync(notAFolder, "not a folder", TestContext.Current.CancellationToken);
        var hashBefore = Hash(_db.Path);

        var failure = await Assert.ThrowsAsync<BackupException>(
            () => BackupOf(_db.Path).BackupAsync(Path.Combine(notAFolder, "backup.db"), TestContext.Current.CancellationToken));

        Assert.StartsWith($"data backup: cannot write to {notAFolder}", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("The database was not touched.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(hashBefore, Hash(_db.Path));
    }

    [Fact]
    public async Task Data_backup_and_data_restore_on_the_command_line_round_trip_a_stopped_bot_database()
    {
        var learner = await _db.AddLearnerAsync();
        await new ReviewStore(_db.Factory, _time).RecordAsync(learner, "card-1", 0, 4, TimeZoneInfo.Utc, TestContext.Current.CancellationToken);
        var backupFile = Path.Combine(_folder.FullName, "b.db");
        var other = Path.Combine(_folder.FullName, "other", "prepbot.db");

        var (backupExit, backupOutput, _) = await RunAsync("data", "backup", backupFile, $"--Data:DatabasePath={_db.Path}");
        var (restoreExit, restoreOutput, _) = await RunAsync("data", "restore", backupFile, $"--Data:DatabasePath={other}");

        Assert.Equal(0, backupExit);
        Assert.StartsWith($"Backed up {_db.Path} to {backupFile}", backupOutput, StringComparison.Ordinal);
        Assert.Equal(0, restoreExit);
        Assert.StartsWith($"Restored {backupFile} into {other}", restoreOutput, StringComparison.Ordinal);
        Assert.Equal("1", Query(other, "SELECT COUNT(*) FROM ReviewLogs"));
    }

    [Fact]
    public async Task Data_restore_refuses_a_database_a_running_bot_holds_and_says_why()
    {
        var backupFile = Path.Combine(_folder.FullName, "b.db");
        await BackupOf(_db.Path).BackupAsync(backupFile, TestContext.Current.CancellationToken);
        using var runningBot = new DatabaseLock(new DatabaseLocation(_db.Path), NullLogger<DatabaseLock>.Instance);
        await runningBot.StartAsync(TestContext.Current.CancellationToken);

        // Everything into the main file first: otherwise the last pooled connection closing (another test clearing the
        // pools) checkpoints the write-ahead log into it mid-test and the bytes change though nothing was restored.
        Query(_db.Path, "PRAGMA wal_checkpoint(TRUNCATE)");
        var hashBefore = Hash(_db.Path);

        var (exit, _, error) = await RunAsync("data", "restore", backupFile, $"--Data:DatabasePath={_db.Path}");

        Assert.Equal(PrepBotApp.ExitProblems, exit);
        Assert.Equal(
            $"data restore: a running PrepBot holds {_db.Path} (it keeps {_db.Path}.lock locked); stop the bot first, then restore. Nothing was changed.",
            error.Trim());
        Assert.Equal(hashBefore, Hash(_db.Path));
    }

    [Fact]
    public async Task Data_restore_refuses_a_file_that_is_not_a_prepbot_database()
    {
        var notPrepBot = Path.Combine(_folder.FullName, "other.db");
        Query(notPrepBot, "CREATE TABLE t (x INTEGER)");

        var failure = await Assert.ThrowsAsync<BackupException>(() => BackupOf(_db.Path).RestoreAsync(notPrepBot, TestContext.Current.CancellationToken));

        Assert.Contains("is not a PrepBot database", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_keeps_the_newest_daily_copies()
    {
        for (var day = 1; day <= 9; day++)
        {
            File.WriteAllText(Path.Combine(_folder.FullName, DatabaseBackupStore.DailyName(new DateTimeOffset(2026, 11, day, 3, 30, 0, TimeSpan.Zero))), string.Empty);
        }

        var deleted = DatabaseBackupStore.Rotate(_folder.FullName, keep: 7);

        Assert.Equal(2, deleted.Count);
        Assert.Equal(7, _folder.GetFiles("prepbot-*.db").Length);
        Assert.DoesNotContain(_folder.GetFiles("prepbot-*.db"), file => file.Name is "prepbot-20261101-033000.db" or "prepbot-20261102-033000.db");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(args, output: output, error: error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
