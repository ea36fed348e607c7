using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Terminal;

/// <summary>
/// The terminal front end: reads commands (<c>/quiz</c>) and menu numbers line by line — from a person or
/// from piped input — and prints replies as plain text with numbered choices. Forms become prompts; a
/// multi-line answer ends on a line holding a single <c>.</c>. Stops the host at <c>/quit</c> or end of input.
/// </summary>
internal sealed partial class PracticeSession(
    ConversationRouter router,
    LearnerStore learners,
    TerminalIO io,
    IOptions<PracticeOptions> options,
    StartupBanner banner,
    IHostApplicationLifetime lifetime,
    DatabaseLocation database,
    ILogger<PracticeSession> logger) : BackgroundService
{
    private const string EndOfAnswer = ".";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var practice = options.Value;
        var who = new LearnerIdentity("terminal", practice.EffectiveLearnerName, practice.EffectiveLearnerName, practice.EffectiveTimeZone)
        {
            CanManageServer = true,
        };
        var zone = StudyCalendar.FindZone(who.DefaultTimeZoneId) ?? TimeZoneInfo.Local;
        var output = io.Output;
        try
        {
            // In the terminal the settings are the learner's preferences: a changed Practice:TimeZone applies from now on.
            var learner = await learners.GetOrCreateAsync(who.Platform, who.UserId, who.DisplayName, who.DefaultTimeZoneId, stoppingToken).ConfigureAwait(false);
            await learners.SetTimeZoneAsync(learner.Id, who.DefaultTimeZoneId, stoppingToken).ConfigureAwait(false);
            await output.WriteLineAsync(banner.Line).ConfigureAwait(false);
            await output.WriteLineAsync("Type /quiz for a question, /review for due cards, undo to take back your last grade, /plan for your week, /star to rehearse a behavioural answer, /stats, /help, or /quit.").ConfigureAwait(false);
            var menu = TerminalMenu.Empty;
            while (!stoppingToken.IsCancellationRequested)
            {
                await output.WriteAsync("> ").ConfigureAwait(false);
                await output.FlushAsync(stoppingToken).ConfigureAwait(false);
                var line = await ReadLineAsync(stoppingToken).ConfigureAwait(false);
                if (line is null)
                {
                    await output.WriteLineAsync().ConfigureAwait(false);
                    break;
                }

                var typed = line.Trim();
                if (typed.Length == 0)
                {
                    continue;
                }

                if (typed is "/quit" or "/exit" or "/q")
                {
                    break;
                }

                UserInput input;
                if (typed.StartsWith('/'))
                {
                    input = CommandLine.Parse(typed);
                }
                else if (typed.Equals("undo", StringComparison.OrdinalIgnoreCase))
                {
                    // Undo is offered under every grade; typed as a word it takes back the latest grade (/undo).
                    input = CommandLine.Parse("/undo");
                }
                else
                {
                    var (chosen, error) = menu.Choose(typed);
                    if (chosen is null)
                    {
                        await output.WriteLineAsync(error).ConfigureAwait(false);
                        continue;
                    }

                    input = chosen;
                }

                menu = await RunAsync(who, zone, input, menu, stoppingToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync("Bye — your progress is saved.").ConfigureAwait(false);
        }
        finally
        {
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            lifetime.StopApplication();
        }
    }

    /// <summary>Sends one input through the router, prints the replies (filling in any form; times in <paramref name="zone"/>), returns the new menu.</summary>
    private async Task<TerminalMenu> RunAsync(LearnerIdentity who, TimeZoneInfo zone, UserInput input, TerminalMenu menu, CancellationToken cancellationToken)
    {
        IReadOnlyList<Reply> replies;
        try
        {
            replies = await router.HandleAsync(who, input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInputFailed(ex);
            await io.Output.WriteLineAsync($"Something went wrong with that: {ex.Message}. Your saved progress is unaffected.").ConfigureAwait(false);
            return menu;
        }

        var earlier = new List<ReplyButton>();
        foreach (var reply in replies)
        {
            if (reply.Modal is { } modal)
            {
                var submitted = await FillFormAsync(modal, cancellationToken).ConfigureAwait(false);
                return submitted is null ? menu : await RunAsync(who, zone, submitted, menu, cancellationToken).ConfigureAwait(false);
            }

            await io.Output.WriteLineAsync().ConfigureAwait(false);
            await io.Output.WriteLineAsync(TerminalText.Render(reply.Markdown, zone).TrimEnd()).ConfigureAwait(false);
            foreach (var attachment in reply.Attachments.Where(a => a.TextFallback is not null))
            {
                // A terminal shows no pictures: the attachment's text stands in for it.
                await io.Output.WriteLineAsync().ConfigureAwait(false);
                await io.Output.WriteLineAsync(attachment.TextFallback).ConfigureAwait(false);
            }

            foreach (var attachment in reply.Attachments.Where(a => a.TextFallback is null))
            {
                // A file with no text to show instead (a data export): written beside the database, its path printed.
                var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(database.Path)!, "exports"));
                var path = Path.Combine(folder.FullName, Path.GetFileName(attachment.FileName));
                await File.WriteAllBytesAsync(path, attachment.Content.ToArray(), cancellationToken).ConfigureAwait(false);
                await io.Output.WriteLineAsync($"Saved {path}").ConfigureAwait(false);
            }
            var replyMenu = new TerminalMenu(reply, [.. earlier]);
            earlier.AddRange(reply.Buttons.Where(b => b.Keyword is not null));
            if (!replyMenu.IsEmpty)
            {
                await io.Output.WriteLineAsync().ConfigureAwait(false);
                await io.Output.WriteLineAsync(replyMenu.Render()).ConfigureAwait(false);
                menu = replyMenu;
            }
            else
            {
                menu = TerminalMenu.Empty;
            }
        }

        return menu;
    }

    private async Task<ModalInput?> FillFormAsync(ModalRequest modal, CancellationToken cancellationToken)
    {
        await io.Output.WriteLineAsync().ConfigureAwait(false);
        await io.Output.WriteLineAsync($"== {modal.Title} ==").ConfigureAwait(false);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in modal.Fields)
        {
            await io.Output.WriteLineAsync(field.IsParagraph
                ? $"{field.Label} (end with a line holding only '{EndOfAnswer}'):"
                : $"{field.Label}:").ConfigureAwait(false);
            if (field.Value is { Length: > 0 } saved)
            {
                // A pre-filled field (e.g. a saved story): typing nothing keeps it.
                await io.Output.WriteLineAsync($"  [saved] {saved.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                await io.Output.WriteLineAsync(field.IsParagraph
                    ? $"  (a line with only '{EndOfAnswer}' straight away keeps it)"
                    : "  (an empty line keeps it)").ConfigureAwait(false);
            }

            var lines = new List<string>();
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    return null;
                }

                if (!field.IsParagraph)
                {
                    lines.Add(line);
                    break;
                }

                if (line.Trim() == EndOfAnswer)
                {
                    break;
                }

                lines.Add(line);
            }

            var value = string.Join('\n', lines).Trim();
            if (value.Length == 0 && field.Value is { Length: > 0 })
            {
                value = field.Value;
            }

            if (value.Length > field.MaxLength)
            {
                await io.Output.WriteLineAsync($"That is {value.Length} characters; {field.Label} takes at most {field.MaxLength}. Nothing was submitted.").ConfigureAwait(false);
                return null;
            }

            if (field.IsRequired && value.Length == 0)
            {
                await io.Output.WriteLineAsync($"{field.Label} was empty, so nothing was submitted.").ConfigureAwait(false);
                return null;
            }

            fields[field.Id] = value;
        }

        return new ModalInput(modal.CustomId, fields);
    }

    // The console's reader blocks its thread and ignores cancellation, so Ctrl+C would wait for Enter:
    // read on a pool thread and stop waiting for it when the host stops.
    private Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        Task.Run(io.Input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "A practice-session input failed")]
    private partial void LogInputFailed(Exception exception);
}
