using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Interview;
using PrepBot.Learning;

namespace PrepBot.Features.Reminders;

/// <summary>A reminder run finished: when it ran (clock time) and what it did.</summary>
public sealed class ReminderRunEventArgs(DateTimeOffset at, ReminderRunReport report) : EventArgs
{
    public DateTimeOffset At { get; } = at;

    public ReminderRunReport Report { get; } = report;
}

/// <summary>What one reminder run did, with the time spent in the database (the benchmark reports it).</summary>
public sealed record ReminderRunReport(
    int Learners, int Claimed, int Sent, int NothingDue, int Failed, TimeSpan QueueBuild, TimeSpan RecordResults, TimeSpan Total)
{
    public static ReminderRunReport Empty { get; } = new(0, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan DatabaseTime => QueueBuild + RecordResults;
}

/// <summary>
/// The daily review reminder by DM. A run (every minute, <see cref="ReminderJob"/>) finds Discord learners whose local
/// reminder time has passed today and who have not had today's attempt, are not paused and whose DMs are not known to be
/// closed; it counts their servable due cards and, in one transaction, claims today for each (the database is the record:
/// a learner claimed today is never reminded again today, across restarts; a claim wins only when the learner's reminder
/// state is still what the run read, so of two processes' runs at once only one reminds each learner). Learners with nothing due get no DM. The DMs
/// then go out with bounded concurrency through the REST client's rate limiter, each with a nonce made of learner and day,
/// so a claim left unfinished by a crash is sent again once (Discord drops the repeat); results are written back in batches.
/// A "DMs closed" refusal (Discord 50007) is recorded and that learner is skipped until they answer a card or change a
/// <c>/me</c> setting, or <see cref="ReminderOptions.RetryClosedDmsAfterDays"/> have passed.
/// </summary>
public sealed partial class ReminderService(
    ReminderStore store,
    LearnerSettingsStore settings,
    PauseStore pauses,
    ReviewStore reviews,
    InterviewStore interviews,
    IMessenger messenger,
    CardCatalog catalog,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger)
{
    private const int RecordBatchSize = 250;

    /// <summary>Raised after every run (also one that found nothing to do), for status displays and tests.</summary>
    public event EventHandler<ReminderRunEventArgs>? RunCompleted;

    /// <summary>The (clock) time the latest run started; null before the first.</summary>
    public DateTimeOffset? LastRunAt { get; private set; }

    public async Task<ReminderRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = messenger.CanPost ? await SendDueRemindersAsync(now, cancellationToken).ConfigureAwait(false) : ReminderRunReport.Empty;
        LastRunAt = now;
        RunCompleted?.Invoke(this, new ReminderRunEventArgs(now, report));
        return report;
    }

    private async Task<ReminderRunReport> SendDueRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var (learners, queue) = await BuildQueueAsync(now, cancellationToken).ConfigureAwait(false);
        var queueBuild = total.Elapsed;

        var recorder = new ResultRecorder(this);
        try
        {
            await Parallel.ForEachAsync(
                queue.Where(r => r.Due > 0),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentSends, CancellationToken = cancellationToken },
                async (reminder, token) =>
                {
                    var result = await SendAsync(reminder, token).ConfigureAwait(false);
                    await recorder.AddAsync(result, token).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        finally
        {
            // Also when stopping: what was sent is recorded, so only unsent claims are retried after the restart.
            await recorder.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var report = new ReminderRunReport(
            learners, queue.Count, recorder.Sent, queue.Count(r => r.Due == 0), recorder.Failed, queueBuild, recorder.DatabaseTime, total.Elapsed);
        if (report.Claimed > 0)
        {
            LogRun(report.Claimed, report.Sent, report.NothingDue, report.Failed, (long)report.DatabaseTime.TotalMilliseconds, (long)report.Total.TotalMilliseconds);
        }

        return report;
    }

    /// <summary>The local calendar day a reminder at <paramref name="now"/> counts for in <paramref name="zone"/>.</summary>
    public static DateOnly ReminderDay(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>Unique per learner and day, at most 20 characters: a repeated send of the same reminder is dropped by Discord.</summary>
    public static string Nonce(long learnerId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"r{learnerId % 10_000_000_000}d{day:yyyyMMdd}");

    /// <summary>
    /// The DM: how many cards are due, about how long they take, how many days are left until the learner's interview (when
    /// they set one with <c>/me interview</c>), and a button that starts <c>/review</c>.
    /// </summary>
    public static Reply Message(int due, int minutes, int? reviewCap, Countdown? countdown = null)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"⏰ **Time to review** — {due} card{(due == 1 ? " is" : "s are")} due, about {minutes} minute{(minutes == 1 ? string.Empty : "s")}.");
        if (reviewCap is { } cap && cap < due)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" Your daily cap is {cap} reviews; the rest wait for tomorrow.");
        }

        if (countdown is not null)
        {
            text += "\n" + CountdownText.Reminder(countdown);
        }

        text += "\n-# Change the time with `/me reminder`, take a break with `/me pause`, see why with `/me show`.";
        return new Reply
        {
            Markdown = text,
            Buttons = [new ReplyButton("Start review", CommandButtons.Review, ButtonStyle.Primary)],
            IsPrivate = false,
        };
    }

    /// <summary>Every Discord learner's settings (Learning's) joined with their reminder state (this feature's).</summary>
    private async Task<IReadOnlyList<ReminderLearner>> ReadLearnersAsync(CancellationToken cancellationToken)
    {
        var learners = await settings.ReadDiscordLearnersAsync(cancellationToken).ConfigureAwait(false);
        var deliveries = await store.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return [.. learners.Select(l =>
        {
            var d = deliveries.GetValueOrDefault(l.LearnerId);
            return new ReminderLearner(
                l.LearnerId, l.PlatformUserId, l.TimeZoneId, l.ReminderTime, l.ReminderOff, d?.ReminderDay, d?.ReminderOutcome ?? ReminderOutcome.Pending,
                d is { DmClosed: true }, d?.DmFailedAt, d?.DmChannelId, l.DailyReviewCap, l.ChangedAt, d?.UpdatedAt);
        })];
    }

    private async Task<(int Learners, List<QueuedReminder> Queue)> BuildQueueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var defaultTime = options.Value.DefaultReminderTime;
        var retryClosedAfter = TimeSpan.FromDays(options.Value.RetryClosedDmsAfterDays);
        var rows = await ReadLearnersAsync(cancellationToken).ConfigureAwait(false);

        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var candidates = new List<(ReminderLearner Row, TimeZoneInfo Zone, DateOnly Day)>();
        foreach (var row in rows)
        {
            var reminderTime = row.ReminderOff ? null : row.ReminderTime ?? defaultTime;
            if (reminderTime is not { } at)
            {
                continue;
            }

            if (!zones.TryGetValue(row.TimeZoneId, out var zone))
            {
                zone = StudyCalendar.FindZone(row.TimeZoneId) ?? TimeZoneInfo.Utc;
                zones[row.TimeZoneId] = zone;
            }

            var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
            var day = DateOnly.FromDateTime(local);
            var alreadyTried = row.ReminderDay is { } last && (last > day || (last == day && row.Outcome != ReminderOutcome.Pending));
            if (TimeOnly.FromDateTime(local) < at || alreadyTried)
            {
                continue;
            }

            candidates.Add((row, zone, day));
        }

        // DMs closed: skipped until the learner is back (a card answered or a setting changed since the refusal) or the
        // retry period is over.
        var closed = candidates
            .Where(c => c.Row.DmClosed && c.Row.DmFailedAt + retryClosedAfter > now && !(c.Row.SettingsChangedAt > c.Row.DmFailedAt))
            .Select(c => c.Row.Id).ToList();
        var backSince = await reviews.GetLastAnsweredAsync(closed, cancellationToken).ConfigureAwait(false);
        candidates.RemoveAll(c => closed.Contains(c.Row.Id) && !(backSince.TryGetValue(c.Row.Id, out var last) && last > c.Row.DmFailedAt));
        if (candidates.Count == 0)
        {
            return (rows.Count, []);
        }

        // Paused today (the learner's study day): no reminder.
        var earliestDay = candidates.Min(c => c.Day).AddDays(-1);
        var pausesByLearner = await pauses.GetRunningAsync(earliestDay, cancellationToken).ConfigureAwait(false);
        candidates.RemoveAll(c =>
        {
            var studyDay = StudyCalendar.StudyDay(now, c.Zone);
            return pausesByLearner[c.Row.Id].Any(p => p.FirstDay <= studyDay && studyDay <= p.LastDay);
        });

        var due = await DueWorkAsync(candidates.Select(c => c.Row.Id).ToHashSet(), now, cancellationToken).ConfigureAwait(false);
        var interviewDays = await interviews.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var queue = candidates.Select(c =>
        {
            var work = due.GetValueOrDefault(c.Row.Id);
            var countdown = Countdown.Of(interviewDays.GetValueOrDefault(c.Row.Id), c.Zone, now);
            return new QueuedReminder(
                c.Row.Id, c.Row.PlatformUserId, c.Day, work.Cards, work.Seconds, c.Row.DailyReviewCap, c.Row.DmChannelId, countdown, c.Row.DeliveryUpdatedAt);
        }).ToList();

        // Only the claims this run won go out: a learner another process's run claimed meanwhile is theirs to remind.
        var won = await store.ClaimAsync([.. queue.Select(r => new ReminderClaim(r.LearnerId, r.Day, r.Due > 0, r.SeenUpdatedAt))], now, cancellationToken)
            .ConfigureAwait(false);
        queue.RemoveAll(r => !won.Contains(r.LearnerId));
        return (rows.Count, queue);
    }

    /// <summary>Servable cards due now per learner (one scan of the due dates), with their estimated answer time.</summary>
    private async Task<Dictionary<long, (int Cards, int Seconds)>> DueWorkAsync(
        HashSet<long> learners, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var work = new Dictionary<long, (int Cards, int Seconds)>();
        await reviews.ScanAllDueAsync(now, (learnerId, cardId) =>
        {
            if (!learners.Contains(learnerId) || catalog.Find(cardId) is not { Retired: false } card)
            {
                return;
            }

            var (cards, seconds) = work.GetValueOrDefault(learnerId);
            work[learnerId] = (cards + 1, seconds + ReviewEstimate.SecondsFor(card.Kind));
        }, cancellationToken).ConfigureAwait(false);
        return work;
    }

    private async Task<ReminderResult> SendAsync(QueuedReminder reminder, CancellationToken cancellationToken)
    {
        var message = Message(reminder.Due, ReviewEstimate.Minutes(reminder.Seconds), reminder.ReviewCap, reminder.Countdown);
        var nonce = Nonce(reminder.LearnerId, reminder.Day);
        try
        {
            PostedMessage posted;
            if (reminder.DmChannelId is { } channel)
            {
                try
                {
                    posted = await messenger.PostAsync(channel, message, nonce, cancellationToken).ConfigureAwait(false);
                }
                catch (DeliveryException ex) when (ex.Failure == DeliveryFailure.NotFound)
                {
                    // The remembered DM channel is gone: open it again.
                    posted = await messenger.SendDirectAsync(reminder.UserId, message, nonce, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                posted = await messenger.SendDirectAsync(reminder.UserId, message, nonce, cancellationToken).ConfigureAwait(false);
            }

            return new ReminderResult(reminder.LearnerId, posted.ChannelId, null, false);
        }
        catch (DeliveryException ex)
        {
            LogRefused(reminder.LearnerId, ex.Failure, ex.Message);
            return new ReminderResult(reminder.LearnerId, reminder.DmChannelId, ex.Message, ex.Failure == DeliveryFailure.DirectMessagesClosed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogRefused(reminder.LearnerId, DeliveryFailure.Refused, ex.Message);
            return new ReminderResult(reminder.LearnerId, reminder.DmChannelId, "Discord could not be reached: " + ex.Message, false);
        }
    }

    private Task RecordAsync(IReadOnlyList<ReminderResult> results, CancellationToken cancellationToken) =>
        store.RecordResultsAsync(results, time.GetUtcNow(), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Claimed} learner(s) due a reminder, {Sent} DM(s) sent, {NothingDue} with nothing due, {Failed} refused; database {DatabaseMs} ms, run {TotalMs} ms")]
    private partial void LogRun(int claimed, int sent, int nothingDue, int failed, long databaseMs, long totalMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder DM to learner {LearnerId} refused ({Failure}): {Reason}")]
    private partial void LogRefused(long learnerId, DeliveryFailure failure, string reason);

    private sealed record QueuedReminder(
        long LearnerId, string UserId, DateOnly Day, int Due, int Seconds, int? ReviewCap, string? DmChannelId, Countdown? Countdown, DateTimeOffset? SeenUpdatedAt);

    /// <summary>Collects send results and writes them in batches (one transaction each), timing the database work.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Lives for one run; SemaphoreSlim holds no handle unless AvailableWaitHandle is used.")]
    private sealed class ResultRecorder(ReminderService service)
    {
        private readonly ConcurrentQueue<ReminderResult> _pending = new();
        private readonly SemaphoreSlim _writing = new(1, 1);
        private long _databaseTicks;
        private int _sent;
        private int _failed;

        public int Sent => _sent;

        public int Failed => _failed;

        public TimeSpan DatabaseTime => TimeSpan.FromTicks(Interlocked.Read(ref _databaseTicks));

        public async ValueTask AddAsync(ReminderResult result, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref result.Failure is null ? ref _sent : ref _failed);
            _pending.Enqueue(result);
            if (_pending.Count >= RecordBatchSize && _writing.CurrentCount > 0)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var batch = new List<ReminderResult>();
                while (_pending.TryDequeue(out var result))
                {
                    batch.Add(result);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                await service.RecordAsync(batch, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _databaseTicks, Stopwatch.GetElapsedTime(started).Ticks);
            }
            finally
            {
                _writing.Release();
            }
        }
    }
}
