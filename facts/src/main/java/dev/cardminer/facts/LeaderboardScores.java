package dev.cardminer.facts;

/**
 * A model's Open LLM Leaderboard (v2) scores, normalised 0–100 as the leaderboard shows them; null where
 * the row has none.
 *
 * @param precision the evaluated precision ({@code bfloat16}); a model evaluated at several has its best average kept
 */
public record LeaderboardScores(String model, String precision, Double average, Double ifeval, Double bbh,
                                Double mathLvl5, Double gpqa, Double musr, Double mmluPro, String sha) {
}
