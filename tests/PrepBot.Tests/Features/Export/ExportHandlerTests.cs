using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Tests.Features.Settings;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Export;

/// <summary><c>/me export</c>, the mirror of <c>/me forget</c>: every row about the learner, as files.</summary>
public sealed class ExportHandlerTests : IAsyncLifetime
{
    private static readonly LearnerIdentity Ada = BotHarness.Ada;
    private static readonly LearnerIdentity Grace = BotHarness.Grace;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-export-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingMessenger _messenger = new();

    public ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        _content.Write("concept/idempotency-retries.md", FlowCards.Reveal.Replace("id: concept-idempotency", "id: concept-idempotency-retries", StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<SettingsBot> StartAsync() => SettingsBot.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), _clock, _messenger);

    [Fact]
    public async Task Export_holds_every_row_of_every_table_that_refers_to_the_learner()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");
        await bot.AnswerAsync(Ada, "Again");
        await bot.TypeAsync(Ada, "/me pause days:3");
        await bot.TypeAsync(Ada, "/me reminder time:07:30");
        await bot.TypeAsync(Ada, "/me interview date:2026-06-01 title:Acme");
        await bot.TypeAsync(Grace, "/me interview date:2026-07-01");
        await bot.AnswerAsync(Grace);
        var learnerId = await bot.LearnerIdAsync(Ada);

        var reply = Assert.Single(await bot.SendAsync(Ada, CommandLine.Parse("/me export")));

        var json = JsonDocument.Parse(reply.Attachments.Single(a => a.FileName.EndsWith(".json", StringComparison.Ordinal)).Content).RootElement;
        var exported = json.GetProperty("tables");
        var expected = await RowsPerLearnerTableAsync(bot, learnerId);
        Assert.Contains("ReviewLogs", expected.Keys);
        foreach (var (table, rows) in expected)
        {
            Assert.True(exported.TryGetProperty(table, out var section), $"Table {table} refers to learners but is not in the export.");
            Assert.True(rows == section.GetArrayLength(), $"{table}: {rows} rows about the learner, {section.GetArrayLength()} exported.");
        }

        Assert.Equal(2, exported.GetProperty("ReviewLogs").GetArrayLength());
        Assert.Equal("Acme", Assert.Single(exported.GetProperty("InterviewPlans").EnumerateArray()).GetProperty("Title").GetString());
        Assert.Contains("2 reviews", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_log_comes_as_csv_with_a_header_and_one_line_per_answer()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");
        await bot.AnswerAsync(Ada, "Hard");

        var reply = Assert.Single(await bot.SendAsync(Ada, CommandLine.Parse("/me export")));

        var csv = reply.Attachments.Single(a => a.FileName.EndsWith("-reviews.csv", StringComparison.Ordinal));
        var lines = Encoding.UTF8.GetString(csv.Content.Span).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Id,CardId,", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("LearnerId", lines[0], StringComparison.Ordinal);
        Assert.Contains(",4,", lines[1], StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.ContentType);
    }

    [Fact]
    public async Task A_learner_with_nothing_stored_is_told_so_and_gets_no_files()
    {
        await using var bot = await StartAsync();

        var reply = Assert.Single(await bot.SendAsync(Ada, CommandLine.Parse("/me export")));

        Assert.StartsWith("PrepBot stores nothing about you beyond your user id and time zone", reply.Markdown, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments);
    }

    [Fact]
    public async Task The_export_holds_nothing_about_another_learner()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        await bot.AnswerAsync(Grace);

        var reply = Assert.Single(await bot.SendAsync(Ada, CommandLine.Parse("/me export")));

        var json = Encoding.UTF8.GetString(reply.Attachments[0].Content.Span);
        Assert.DoesNotContain(Grace.UserId, json, StringComparison.Ordinal);
        Assert.Contains(Ada.UserId, json, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every table with a foreign key to <c>Learners</c> (what <c>/me forget</c> deletes by cascade), and Learners itself,
    /// with the number of rows that refer to the learner through any such key: a new table about learners appears here
    /// whether or not the export knows it.
    /// </summary>
    private static async Task<Dictionary<string, long>> RowsPerLearnerTableAsync(SettingsBot bot, long learnerId)
    {
        await using var db = await bot.DbAsync();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var keys = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """
                SELECT m.name, f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table' AND f."table" = 'Learners'
                """;
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                keys.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        keys.Add(("Learners", "Id"));
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in keys.GroupBy(key => key.Table))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Key}\" WHERE " + string.Join(" OR ", table.Select(key => $"\"{key.Column}\" = $id"));
            count.Parameters.AddWithValue("$id", learnerId);
            rows[table.Key] = (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        return rows;
    }
}
