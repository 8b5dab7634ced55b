package dev.cardminer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.internal.PlaceholderDetector.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderDetectorTest {

    private final PlaceholderDetector detector = new PlaceholderDetector();

    private Kind kind(String text) {
        return detector.classify(text, 0, text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\n[More Information Needed]\n",
        "More information needed",
        "More information needed.\n\n",
        "<!-- Provide a longer summary of what this model is. -->\n\n[More Information Needed]\n",
        "- **Developed by:** [More Information Needed]\n- **License:** [More Information Needed]\n",
        "- **Training regime:** [More Information Needed] <!--fp32, fp16 mixed precision -->\n",
        "**BibTeX:**\n\n[More Information Needed]\n\n**APA:**\n\n[More Information Needed]\n",
        "Use the code below to get started with the model.\n\n[More Information Needed]\n",
        "Users (both direct and downstream) should be made aware of the risks, biases and limitations of the model. "
                + "More information needed for further recommendations.\n",
        "_Provide a quick summary of what the model is/does._\n",
        "`model_description`\n\n_Provide basic details about the model._\n",
        "{{ model_description | default(\"\", true) }}\n",
        "{% if model_summary %}\n{{ model_summary }}\n{% endif %}\n",
        "[More Information Needed](https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/templates/modelcard_template.md)\n",
        "* Hours used: More information needed\r\n* Cloud Provider: More information needed\r\n",
        "TODO\n",
        "TBD.\n\n",
        "- **Developed by:** TBD\n- **License:** (TODO)\n",
        "**TBA**\n",
        "Coming soon!\n",
        "{model_name}\n",
        "- **Model type:** {model_type}\n- **Language(s):** { language_code }\n",
        "<!-- fill in -->\n{model_description}\n"})
    void placeholders(String text) {
        assertThat(kind(text)).isEqualTo(Kind.PLACEHOLDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\n\n   \n",
        "<!-- Provide a quick summary of what the model is/does. -->\n\n",
        "<!-- a comment\nover lines -->\n",
        "---\n",
        "<details>\n</details>\n",
        "**Results:**\n"})
    void empty(String text) {
        assertThat(kind(text)).isEqualTo(Kind.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This model is a fine-tuned version of bert-base-uncased.\n",
        "- **Developed by:** Jane Doe\n- **License:** [More Information Needed]\n",
        "[More Information Needed]\n\nThe model was trained on 8 GPUs.\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "```python\nfrom transformers import pipeline\n```\n",
        "_The prompts shown here are just the text after USER:._\n",
        "More information needed about the tokenizer: it is the one of GPT-2.\n",
        "![diagram](arch.png)\n",
        "<!-- comment --> real text after a comment\n",
        // notes for later inside code are code, and words that only begin like one are text
        "```python\n# TODO\nTODO\n```\n",
        "~~~\nTBD\n{model_name}\n~~~\n",
        "TBD-2 is the second test board.\n",
        "TBD-2\n",
        "We still have to do this.\n",
        "- TODO: evaluate on the long-context split\n- Results on the short split: 71.2\n",
        // prompt formats and LaTeX use braces too
        "### Instruction:\n{prompt}\n",
        "| \\\\(d_{model}\\\\) | 4096 |\n",
        "{model_name} is a BERT model trained on news.\n"})
    void content(String text) {
        assertThat(kind(text)).isEqualTo(Kind.CONTENT);
    }
}
