using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// <c>/cards suspended</c> lists the learner's suspended cards a page at a time, each with a Resume button;
/// <c>/cards resume card:&lt;id&gt;</c> (and those buttons) bring a card back: it is served and counted as due again.
/// Buttons carry <c>cards:r:{learner}:{card}</c> (resume) or <c>cards:p:{learner}:{page}</c> (another page).
/// </summary>
public sealed class SuspendedCardsHandler(CardCatalog catalog, CardHoldStore holds, ReplyLimits limits)
{
    public const string Prefix = "cards:";
    public const string CardOption = "card";
    public const string PageOption = "page";

    /// <summary>Cards per page: one Resume button each, within Discord's 25 buttons and one message.</summary>
    public const int PageSize = 10;

    public async Task<IReadOnlyList<Reply>> ListAsync(LearnerContext learner, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var suspended = await holds.GetSuspendedAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        if (suspended.Count == 0)
        {
            return [Reply.Text("You have no suspended cards. Suspend one from its answer (the **Suspend** button) to stop it being asked.")];
        }

        var pages = (suspended.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pages);
        var shown = suspended.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"**Suspended cards** — {suspended.Count} in all");
        text.Append(pages > 1 ? string.Create(c, $", page {page} of {pages}") : string.Empty);
        text.Append(". They are never asked and never count as due until you resume them.\n");
        var buttons = new List<ReplyButton>();
        foreach (var card in shown)
        {
            var line = string.Create(c, $"\n- {Describe(card.CardId)} — suspended {TimeZoneInfo.ConvertTime(card.SuspendedAt, learner.Zone):d MMM yyyy}");
            if (text.Length + line.Length > limits.MessageLength - 100)
            {
                break;
            }

            text.Append(line);
            buttons.Add(new ReplyButton(Truncate("Resume " + card.CardId, 80), CustomId.Build(Prefix, "r", Base36.Format(learner.Id), card.CardId)));
        }

        if (page < pages)
        {
            text.Append(c, $"\n\nMore on page {page + 1} (`/cards suspended page:{page + 1}`).");
            buttons.Add(new ReplyButton("Next page", CustomId.Build(Prefix, "p", Base36.Format(learner.Id), (page + 1).ToString(c)), ButtonStyle.Primary));
        }

        return [new Reply { Markdown = text.ToString(), Buttons = buttons }];
    }

    public async Task<IReadOnlyList<Reply>> ResumeAsync(LearnerContext learner, string cardId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(cardId);
        var id = cardId.Trim();
        if (!await holds.ResumeAsync(learner.Id, id, cancellationToken).ConfigureAwait(false))
        {
            return [Reply.Text($"`{id}` is not one of your suspended cards; `/cards suspended` lists them.")];
        }

        var when = catalog.Find(id) is { Retired: false } ? "It can be asked again and counts as due when its review comes." : "It is no longer in the deck, so it will not be asked.";
        return [new Reply { Markdown = $"▶ **Resumed** `{id}`. {when}", Buttons = [new ReplyButton("Another question", CommandButtons.Quiz, ButtonStyle.Primary)] }];
    }

    /// <summary>A Resume or Next page button; someone else's button is refused.</summary>
    public async Task<IReadOnlyList<Reply>?> HandleButtonAsync(LearnerContext learner, string customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (!CustomId.TryParse(customId, Prefix, 3, out var parts, lastTakesRest: true) || !Base36.TryParse(parts[1], out var owner) || parts[2].Length == 0)
        {
            return null;
        }

        if (owner != learner.Id)
        {
            return [Reply.Text("This list belongs to someone else. See your own with `/cards suspended`.")];
        }

        return parts[0] switch
        {
            "r" => await ResumeAsync(learner, parts[2], cancellationToken).ConfigureAwait(false),
            "p" when int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page) => await ListAsync(learner, page, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    private string Describe(string cardId) => catalog.Find(cardId) is { } card
        ? $"**{Truncate(card.Title ?? card.Id, 80)}** (`{card.Id}`, {CardPresenter.KindLabel(card.Kind)}, week {card.Week}){(card.Retired ? ", retired" : string.Empty)}"
        : $"`{cardId}` (no longer in the deck)";

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
