using Quartz;

namespace PrepBot.Scheduling;

/// <summary>
/// A feature that schedules work (daily posts, reminders, mock interview timers) implements this to put its triggers
/// back from the database when the scheduler starts. Register with <c>services.AddSingleton&lt;IScheduleRegistrar, X&gt;()</c>.
/// </summary>
public interface IScheduleRegistrar
{
    Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken);
}
