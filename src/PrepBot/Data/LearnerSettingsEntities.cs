using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>How the last daily reminder attempt ended (see <see cref="ReminderDelivery.ReminderDay"/>).</summary>
public enum ReminderOutcome
{
    /// <summary>Claimed for the day; the DM is being sent (after a crash it is sent again with the same nonce).</summary>
    Pending = 0,

    /// <summary>The DM went out.</summary>
    Sent = 1,

    /// <summary>Nothing was due at reminder time: no DM, by design.</summary>
    NothingDue = 2,

    /// <summary>Discord refused the DM; <see cref="ReminderDelivery.DmFailureReason"/> says why.</summary>
    Failed = 3,
}

/// <summary>
/// A learner's own settings (<c>/me</c>). One row per learner, created on the first change; a learner without a row has
/// the defaults (reminder at <c>Reminders:DefaultTime</c>, no caps). Pauses live in <see cref="LearnerPause"/>, the state
/// of the reminder DMs in <see cref="ReminderDelivery"/>.
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

    /// <summary>When the learner last changed a setting (or a pause): counts as being back after a refused reminder DM.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class LearnerSettingsConfiguration : IEntityTypeConfiguration<LearnerSettings>
{
    public void Configure(EntityTypeBuilder<LearnerSettings> builder)
    {
        builder.HasKey(s => s.LearnerId);
        builder.Property(s => s.LearnerId).ValueGeneratedNever();
        builder.HasOne<Learner>().WithOne().HasForeignKey<LearnerSettings>(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The state of a learner's daily reminder DM: today's claim and how it went, the DM channel and Discord's last refusal.
/// One row per learner, created by the first reminder run that considers them; owned by the reminders' store.
/// </summary>
public sealed class ReminderDelivery
{
    public long LearnerId { get; set; }

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

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.HasKey(s => s.LearnerId);
        builder.Property(s => s.LearnerId).ValueGeneratedNever();
        builder.Property(s => s.DmChannelId).HasMaxLength(32);
        builder.Property(s => s.DmFailureReason).HasMaxLength(300);
        builder.HasOne<Learner>().WithOne().HasForeignKey<ReminderDelivery>(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
