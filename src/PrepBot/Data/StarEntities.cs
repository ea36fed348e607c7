using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>
/// A STAR answer a learner wrote for a behavioural prompt (<c>/star</c>): their story bank. Tagged by the card's
/// competencies so a story can be found and re-used for another prompt; deleted with <c>/stories delete</c> or with the
/// learner (<c>/me forget</c>, by cascade).
/// </summary>
public sealed class StarStory
{
    public long Id { get; set; }

    public long LearnerId { get; set; }

    /// <summary>The behavioural card the story answered.</summary>
    public required string CardId { get; set; }

    /// <summary>The card's state version when it was asked: one story per asking, so a double submit saves once.</summary>
    public int StateVersion { get; set; }

    /// <summary>The prompt's title when answered (kept if the card later leaves the deck).</summary>
    public required string PromptTitle { get; set; }

    /// <summary>The card's competencies, comma-separated, e.g. <c>conflict,communication</c>.</summary>
    public required string Competencies { get; set; }

    public string Situation { get; set; } = string.Empty;

    public string Task { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Result { get; set; } = string.Empty;

    public string Learned { get; set; } = string.Empty;

    /// <summary>Overall STAR score, 0–100.</summary>
    public int Score { get; set; }

    /// <summary>For a timed drill: seconds from the prompt to submitting; null otherwise.</summary>
    public int? SecondsTaken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StarStoryConfiguration : IEntityTypeConfiguration<StarStory>
{
    public void Configure(EntityTypeBuilder<StarStory> builder)
    {
        builder.Property(s => s.CardId).HasMaxLength(64);
        builder.Property(s => s.PromptTitle).HasMaxLength(200);
        builder.Property(s => s.Competencies).HasMaxLength(400);
        builder.Property(s => s.Situation).HasMaxLength(4000);
        builder.Property(s => s.Task).HasMaxLength(4000);
        builder.Property(s => s.Action).HasMaxLength(4000);
        builder.Property(s => s.Result).HasMaxLength(4000);
        builder.Property(s => s.Learned).HasMaxLength(4000);
        builder.HasOne<Learner>().WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);

        // One story per asking of a prompt: a second submit of the same form cannot save it twice.
        builder.HasIndex(s => new { s.LearnerId, s.CardId, s.StateVersion }).IsUnique();

        // "/stories list": a learner's stories, newest first.
        builder.HasIndex(s => new { s.LearnerId, s.CreatedAt });
    }
}
