using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Daily;

/// <summary>The outcome of <see cref="DailyStore.ClaimAsync"/>: the day's record, and whether this claim took the day.</summary>
public sealed record DailyClaim(DailyPost Post, bool Won);

/// <summary>Servers' daily question set-up and the record of each day's question (the claim that makes a post happen once).</summary>
public sealed class DailyStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    public async Task<GuildDailySettings?> GetSettingsAsync(string guildId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.GuildDailySettings.AsNoTracking().SingleOrDefaultAsync(s => s.GuildId == guildId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every server with a channel set (to re-create their triggers at start).</summary>
    public async Task<IReadOnlyList<GuildDailySettings>> GetScheduledAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.GuildDailySettings.AsNoTracking().Where(s => s.ChannelId != null).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the server's set-up (created with the default mix on first use) and saves it. Two
    /// changes of one server at once queue on the server's lock (PostgreSQL; SQLite's write lock), so neither is lost and the
    /// first use creates one row. Re-run after an unknown commit it applies <paramref name="change"/> again (it sets values).
    /// </summary>
    public async Task<GuildDailySettings> UpdateSettingsAsync(
        string guildId, string userId, DateTimeOffset now, Action<GuildDailySettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync(
            db,
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                await StoreCommand.LockAsync(db, LockScope.Guild, GuildKey(guildId), ct).ConfigureAwait(false);
                var settings = await db.GuildDailySettings.SingleOrDefaultAsync(s => s.GuildId == guildId, ct).ConfigureAwait(false);
                if (settings is null)
                {
                    settings = new GuildDailySettings { GuildId = guildId, Mix = DailyMix.Default.Format(), UpdatedByUserId = userId, ScheduledSince = now };
                    db.GuildDailySettings.Add(settings);
                }

                change(settings);
                settings.UpdatedByUserId = userId;
                settings.UpdatedAt = now;
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return settings;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The key of a server's lock: its Discord id (a number), or a stable 64-bit hash of any other id (the terminal's).</summary>
    internal static long GuildKey(string guildId)
    {
        if (long.TryParse(guildId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        // FNV-1a: the same in every process (string.GetHashCode is not).
        var hash = 14695981039346656037UL;
        foreach (var c in guildId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    public async Task<DailyPost?> GetPostAsync(string guildId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.DailyPosts.AsNoTracking().SingleOrDefaultAsync(p => p.GuildId == guildId && p.LocalDate == date, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DailyPost?> FindPostAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.DailyPosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The server's latest question before <paramref name="date"/>, if any.</summary>
    public async Task<DailyPost?> GetLatestBeforeAsync(string guildId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.DailyPosts.AsNoTracking()
            .Where(p => p.GuildId == guildId && p.LocalDate < date)
            .OrderByDescending(p => p.LocalDate)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each card the server has had, with the last day it was asked.</summary>
    public async Task<IReadOnlyDictionary<string, DateOnly>> GetCardHistoryAsync(string guildId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.DailyPosts.AsNoTracking().Where(p => p.GuildId == guildId)
            .GroupBy(p => p.CardId)
            .Select(g => new { CardId = g.Key, Last = g.Max(p => p.LocalDate) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.CardId, r => r.Last, StringComparer.Ordinal);
    }

    /// <summary>
    /// Takes the day for <paramref name="post"/>: exactly one claim of a server's day wins, across processes (the unique
    /// (guild, day) key decides). When the day is already taken (an earlier run, or another trigger or process at the same
    /// moment), the existing record is returned instead, unchanged, and <see cref="DailyClaim.Won"/> is false.
    /// </summary>
    public async Task<DailyClaim> ClaimAsync(DailyPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            db.DailyPosts.Add(post);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return new DailyClaim(post, Won: true);
            }
            catch (DbUpdateException ex) when (StoreCommand.IsUniqueViolation(ex))
            {
                // Unique (guild, day): someone else claimed it first.
            }
        }

        var existing = await GetPostAsync(post.GuildId, post.LocalDate, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The daily post of {post.GuildId} on {post.LocalDate} vanished after a conflicting claim.");
        return new DailyClaim(existing, Won: false);
    }

    public async Task ChangeCardAsync(long postId, string cardId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.DailyPosts.Where(p => p.Id == postId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.CardId, cardId), cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkPostedAsync(long postId, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.DailyPosts.Where(p => p.Id == postId && p.State == DailyPostState.Claimed)
            .ExecuteUpdateAsync(
                set => set.SetProperty(p => p.MessageId, messageId).SetProperty(p => p.State, DailyPostState.Posted).SetProperty(p => p.PostedAt, now),
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task SetThreadAsync(long postId, string threadId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.DailyPosts.Where(p => p.Id == postId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ThreadId, threadId), cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkRevealedAsync(long postId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.DailyPosts.Where(p => p.Id == postId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, DailyPostState.Revealed).SetProperty(p => p.RevealedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }
}
