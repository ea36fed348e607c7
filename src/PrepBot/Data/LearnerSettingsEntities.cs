using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>How the last daily reminder attempt ended (see <see cref="LearnerSettings.ReminderDay"/>).</summary>
public enum ReminderOutcome
{
    /// <summary>Claimed for the day; the DM is being sent (after a crash it is sent again with the same nonce).</summary>
    Pending = 0,

    /// <summary>The DM went out.</summary>
    Sent = 1,

    /// <summary>Nothing was due at reminder time: no DM, by design.</summary>
    NothingDue = 2,

    /// <summary>Discord refused the DM; <see cref="LearnerSettings.DmFailureReason"/> says why.</summary>
    Failed = 3,
}

/// <summary>
/// A learner's own settings (<c>/me</c>) and the state of their daily reminder. One row per learner, created on the
/// first change or the first reminder; a learner without a row has the defaults (reminder at <c>Reminders:DefaultTime</c>,
/// no caps). Pauses live in <see cref="LearnerPause"/>.
/// </summary>
public sealed class LearnerSettings
{
    public long LearnerId { get; set; }

    /// <summary>Local time of the daily reminder DM.</summary>
    public TimeOnly? ReminderTime { get; set; }

    /// <summary>True after <c>/me reminder time:off</c>: no reminders, whatever the default.</summary>
    public bool ReminderOff { get; set; }

    /// <summary>Most scheduled reviews a local study day (<c>/me cap reviews:</c>); null for no limit.</summary>
    public int? DailyReviewCap { get; set; }

    /// <summary>Most new cards a local study day (<c>/me cap new:</c>); null for no limit.</summary>
    public int? DailyNewCap { get; set; }

    /// <summary>The learner's DM channel, remembered from the first DM so later ones cost one request instead of two.</summary>
    public string? DmChannelId { get; set; }

    /// <summary>The local calendar day of the latest reminder attempt: at most one a day.</summary>
    public DateOnly? ReminderDay { get; set; }

    public ReminderOutcome ReminderOutcome { get; set; }

    /// <summary>When the latest reminder was delivered.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    /// <summary>When Discord last refused a DM; null once one gets through again.</summary>
    public DateTimeOffset? DmFailedAt { get; set; }

    /// <summary>Discord's refusal in words (e.g. "does not accept direct messages from the bot (50007)").</summary>
    public string? DmFailureReason { get; set; }

    /// <summary>True when the refusal was "DMs closed" (Discord 50007): not retried until the learner is back or a week passed.</summary>
    public bool DmClosed { get; set; }

    /// <summary>
    /// The cards <c>/me pause</c> moved out of the pause (their due dates shifted by its length), so ending the pause early
    /// can move exactly those back. Comma-separated card ids.
    /// </summary>
    public string? PauseShiftedCardIds { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class LearnerSettingsConfiguration : IEntityTypeConfiguration<LearnerSettings>
{
    public void Configure(EntityTypeBuilder<LearnerSettings> builder)
    {
        builder.HasKey(s => s.LearnerId);
        builder.Property(s => s.LearnerId).ValueGeneratedNever();
        builder.Property(s => s.DmChannelId).HasMaxLength(32);
        builder.Property(s => s.DmFailureReason).HasMaxLength(300);
        builder.HasOne<Learner>().WithOne().HasForeignKey<LearnerSettings>(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
