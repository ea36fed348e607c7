using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Terminal;

/// <summary>
/// The numbered choices of the last reply: select options first (1..n), then buttons. Turns what the
/// learner types ("2", or "1,3" for a multi-select) into the input the reply asked for.
/// </summary>
internal sealed class TerminalMenu
{
    private readonly ReplySelect? _select;
    private readonly IReadOnlyList<ReplyButton> _buttons;
    private readonly IReadOnlyList<ReplyButton> _earlier;

    /// <param name="reply">The reply whose select and buttons are numbered.</param>
    /// <param name="earlier">
    /// Buttons of earlier replies of the same answer that can still be pressed by their keyword: after a grade in a review,
    /// <c>suspend</c> acts on the card just graded while the numbers belong to the next question.
    /// </param>
    public TerminalMenu(Reply reply, IReadOnlyList<ReplyButton>? earlier = null)
    {
        _select = reply.Select;
        _buttons = reply.Buttons;
        _earlier = earlier ?? [];
    }

    public static TerminalMenu Empty { get; } = new(new Reply());

    public bool IsEmpty => Count == 0;

    private int SelectCount => _select?.Options.Count ?? 0;

    private int Count => SelectCount + _buttons.Count;

    /// <summary>The menu as text, e.g. <c>  1. A. ...</c> lines then <c>[5] Hint  [6] Reveal answer</c>.</summary>
    public string Render()
    {
        var lines = new List<string>();
        if (_select is not null)
        {
            var how = _select.MaxValues > 1 ? "type the numbers, e.g. 1,3" : "type its number";
            lines.Add($"{_select.Placeholder} ({how}):");
            lines.AddRange(_select.Options.Select((o, i) => string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {o.Label}")));
        }

        if (_buttons.Count > 0)
        {
            lines.Add(string.Join("  ", _buttons.Select((b, i) => string.Create(CultureInfo.InvariantCulture,
                $"[{SelectCount + i + 1}] {b.Label}{(b.Keyword is null || string.Equals(b.Keyword, b.Label, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" ({b.Keyword})")}"))));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The input for what was typed (a number, numbers, or a button's keyword such as <c>skip</c>), or an error that says what would be accepted.</summary>
    public (UserInput? Input, string? Error) Choose(string typed)
    {
        if (IsEmpty)
        {
            return (null, "There is nothing to choose right now. Type a command such as /quiz, or /help.");
        }

        if (_buttons.Concat(_earlier).FirstOrDefault(b => b.Keyword is not null && string.Equals(b.Keyword, typed.Trim(), StringComparison.OrdinalIgnoreCase)) is { } pressed)
        {
            return (new ButtonInput(pressed.CustomId), null);
        }

        var numbers = new List<int>();
        foreach (var part in typed.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > Count)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"'{part}' is not on the menu: type a number from 1 to {Count}, or a command such as /help."));
            }

            numbers.Add(n);
        }

        if (numbers.Count == 1 && numbers[0] > SelectCount)
        {
            return (new ButtonInput(_buttons[numbers[0] - SelectCount - 1].CustomId), null);
        }

        if (_select is null || numbers.Any(n => n > SelectCount))
        {
            return (null, "Choose one button at a time.");
        }

        var distinct = numbers.Distinct().ToList();
        if (distinct.Count < _select.MinValues || distinct.Count > _select.MaxValues)
        {
            return (null, _select.MaxValues == 1
                ? "Choose one answer."
                : string.Create(CultureInfo.InvariantCulture, $"Choose between {_select.MinValues} and {_select.MaxValues} answers."));
        }

        return (new SelectInput(_select.CustomId, [.. distinct.Select(n => _select.Options[n - 1].Value)]), null);
    }
}
