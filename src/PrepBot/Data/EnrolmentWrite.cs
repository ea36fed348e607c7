namespace PrepBot.Data;

/// <summary>
/// A first row another table keeps about a learner, written in the same write (and transaction) as their enrolment
/// (<c>LearnerStore.GetOrEnrolAsync</c>), given the new learner's id. It runs in the <see cref="GroupCommitWriter"/>'s batch: it
/// must be short, use only <paramref name="batch"/>, and be safe to run twice (the writer may run a batch again after a lost
/// connection). The owner of the table writes it (e.g. <c>GuildRosterStore.WithEnrolment</c>).
/// </summary>
public delegate Task EnrolmentWrite(PrepBotDbContext batch, long learnerId, CancellationToken cancellationToken);
