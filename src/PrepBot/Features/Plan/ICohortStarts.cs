namespace PrepBot.Features.Plan;

/// <summary>The day a server's cohort week 1 starts (<c>/setup cohort</c>), which <c>/plan</c> follows when a learner set no start of their own.</summary>
public interface ICohortStarts
{
    Task<DateOnly?> GetCohortStartAsync(string guildId, CancellationToken cancellationToken);
}
