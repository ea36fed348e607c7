using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>
/// A server's daily question set-up (<c>/setup …</c>): where and when the question goes out, which kind each weekday,
/// the cohort's week 1, and whether it is paused. One row per server; no channel means nothing is scheduled yet.
/// </summary>
public sealed class GuildDailySettings
{
    /// <summary>The Discord server (guild) id.</summary>
    public required string GuildId { get; set; }

    /// <summary>The channel the question is posted in; null until <c>/setup daily</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Local time of day of the post, in <see cref="TimeZoneId"/>.</summary>
    public TimeOnly? PostTime { get; set; }

    /// <summary>IANA time zone id the post time is read in.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>The kind asked each weekday, Monday first (see <c>DailyMix</c>), e.g. <c>sql,concept,design,sql,behavioral,concept,sql</c>.</summary>
    public required string Mix { get; set; }

    /// <summary>The first day of the cohort's week 1; null asks from every week of the plan.</summary>
    public DateOnly? CohortStart { get; set; }

    public bool Paused { get; set; }

    /// <summary>
    /// When the channel, time or zone were last set: a post time before it is not owed, so configuring at 10:00 for 09:00
    /// starts tomorrow rather than posting late today.
    /// </summary>
    public DateTimeOffset ScheduledSince { get; set; }

    /// <summary>Discord id of the admin who last changed the set-up.</summary>
    public required string UpdatedByUserId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum DailyPostState
{
    /// <summary>The day is taken and its card chosen; the message may or may not have reached Discord (a crash in between).</summary>
    Claimed = 0,

    /// <summary>The message is in the channel.</summary>
    Posted = 1,

    /// <summary>The answer was posted in the question's thread (at the next day's post).</summary>
    Revealed = 2,
}

/// <summary>
/// One server's question of one local day: claimed before posting (unique per server and day, so a restart or a second
/// trigger cannot post twice), then the message and thread ids. The rows are also the server's card history.
/// </summary>
public sealed class DailyPost
{
    public long Id { get; set; }

    public required string GuildId { get; set; }

    /// <summary>The server's local calendar day the question is for.</summary>
    public DateOnly LocalDate { get; set; }

    public required string CardId { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>Sent with the message (<c>enforce_nonce</c>): a retried post of the same day is delivered once.</summary>
    public required string Nonce { get; set; }

    public string? MessageId { get; set; }

    /// <summary>The discussion thread started on the message.</summary>
    public string? ThreadId { get; set; }

    public DailyPostState State { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? PostedAt { get; set; }

    public DateTimeOffset? RevealedAt { get; set; }
}

internal sealed class GuildDailySettingsConfiguration : IEntityTypeConfiguration<GuildDailySettings>
{
    public void Configure(EntityTypeBuilder<GuildDailySettings> builder)
    {
        builder.HasKey(s => s.GuildId);
        builder.Property(s => s.GuildId).HasMaxLength(20);
        builder.Property(s => s.ChannelId).HasMaxLength(20);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.Mix).HasMaxLength(100);
        builder.Property(s => s.UpdatedByUserId).HasMaxLength(20);
    }
}

internal sealed class DailyPostConfiguration : IEntityTypeConfiguration<DailyPost>
{
    public void Configure(EntityTypeBuilder<DailyPost> builder)
    {
        builder.Property(p => p.GuildId).HasMaxLength(20);
        builder.Property(p => p.CardId).HasMaxLength(64);
        builder.Property(p => p.ChannelId).HasMaxLength(20);
        builder.Property(p => p.Nonce).HasMaxLength(25);
        builder.Property(p => p.MessageId).HasMaxLength(20);
        builder.Property(p => p.ThreadId).HasMaxLength(20);

        // Exactly one question per server and local day: the claim is this row.
        builder.HasIndex(p => new { p.GuildId, p.LocalDate }).IsUnique();

        // "Which cards has this server had, and when last?" for never repeating until the pool is used up.
        builder.HasIndex(p => new { p.GuildId, p.CardId });
    }
}
