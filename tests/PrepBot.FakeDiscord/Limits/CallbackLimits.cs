using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>
/// Interaction response rules: the callback type must fit the interaction (no modal in answer to a modal submit,
/// updates only for components, choices only for autocomplete) and <c>data</c> follows the message or modal rules.
/// </summary>
internal static class CallbackLimits
{
    public static void Validate(JsonObject body, int interactionType, FormErrors errors)
    {
        var type = Fields.Integer(body, "type", string.Empty, errors, required: true);
        if (type is null)
        {
            return;
        }

        int[] allowed = interactionType switch
        {
            2 => [4, 5, 9],
            3 => [4, 5, 6, 7, 9],
            4 => [8],
            5 => [4, 5, 6, 7],
            _ => [1],
        };
        if (!allowed.Contains((int)type))
        {
            errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID",
                $"Response type {type} is not valid for an interaction of type {interactionType}; allowed: {string.Join(", ", allowed)}.");
            return;
        }

        var data = body["data"] as JsonObject;
        switch (type)
        {
            case 4 when data is null:
                errors.Required("data");
                break;
            case 4:
                MessageLimits.Validate(data!, "data", MessageKind.InteractionMessage, errors);
                break;
            case 7 when data is not null:
                MessageLimits.Validate(data, "data", MessageKind.InteractionUpdate, errors);
                break;
            case 5 or 6 when data is not null:
                Fields.Integer(data, "flags", "data", errors);
                break;
            case 8:
                if (data is null)
                {
                    errors.Required("data");
                }
                else
                {
                    ValidateChoices(data, errors);
                }

                break;
            case 9:
                if (data is null)
                {
                    errors.Required("data");
                }
                else
                {
                    ModalLimits.Validate(data, "data", errors);
                }

                break;
        }
    }

    private static void ValidateChoices(JsonObject data, FormErrors errors)
    {
        var choices = Fields.Array(data, "choices", "data", errors, max: 25, required: true);
        for (var i = 0; choices is not null && i < choices.Count; i++)
        {
            if (choices[i] is JsonObject choice)
            {
                var path = FormErrors.Join("data.choices", i);
                Fields.Text(choice, "name", path, errors, max: 100, min: 1, required: true);
                if (choice["value"] is null)
                {
                    errors.Required(FormErrors.Join(path, "value"));
                }
            }
        }
    }
}
