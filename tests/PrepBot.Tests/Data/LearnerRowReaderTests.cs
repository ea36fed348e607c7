using PrepBot.Data;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Data;

/// <summary><c>/me export</c>'s rows on both engines: only the learner's own, each table in the order of its key whatever the engine.</summary>
public abstract class LearnerRowReaderTests(TestEngine engine, PostgresServer? server)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_learners_rows_are_theirs_only_each_table_in_key_order_after_updates()
    {
        await using var database = await TestDatabase.CreateAsync(engine, server);
        var ada = await database.AddLearnerAsync("ada");
        var bob = await database.AddLearnerAsync("bob");
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            foreach (var (learner, card) in new[] { (ada, "sql-2"), (bob, "sql-1"), (ada, "Sql-9"), (ada, "sql-10") })
            {
                db.CardStates.Add(new CardState { LearnerId = learner, CardId = card, Due = Now, ScheduledDue = Now, FirstSeenAt = Now, LastReviewedAt = Now });
            }

            db.StudyDays.AddRange(
                new StudyDay { LearnerId = ada, Day = new DateOnly(2026, 3, 11), Reviews = 1 },
                new StudyDay { LearnerId = ada, Day = new DateOnly(2026, 3, 9), Reviews = 2 });
            db.GuildLearners.Add(new GuildLearner { GuildId = "900", LearnerId = ada, FirstSeenAt = Now });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            // An update moves a row to the end of PostgreSQL's heap: the export's order must not follow it.
            var first = db.CardStates.Single(c => c.LearnerId == ada && c.CardId == "Sql-9");
            first.Version++;
            await db.SaveChangesAsync(Ct);
        }

        var rows = await new LearnerRowReader(database.Factory).ReadAsync(ada, Ct);

        Assert.Equal(["Sql-9", "sql-10", "sql-2"], rows.Tables["CardStates"].Cast<CardState>().Select(c => c.CardId));
        Assert.Equal([new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 11)], rows.Tables["StudyDays"].Cast<StudyDay>().Select(d => d.Day));
        Assert.Equal(ada, Assert.Single(rows.Tables["Learners"].Cast<Learner>()).Id);
        Assert.Single(rows.Tables["GuildLearners"]);
        Assert.Empty(rows.Reviews);
    }
}

public sealed class SqliteLearnerRowReaderTests() : LearnerRowReaderTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresLearnerRowReaderTests(PostgresServer server) : LearnerRowReaderTests(TestEngine.Postgres, server);
