package dev.cardminer.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * A model search: {@code /api/models?search=&author=&filter=&sort=&direction=-1&limit=&expand[]=}.
 *
 * @param limit the most models wanted over all pages; {@code <= 0} for all
 * @param search  text the model ids must contain, or null
 * @param author  the user or organisation the models belong to, or null
 * @param filters tag filters, all required ({@code text-generation}, {@code license:mit}); never null
 * @param sort    the property to sort by, descending ({@code downloads}, {@code likes}), or null for the Hub's
 *                order
 * @param expand  extra properties to include in each answer ({@code safetensors}, {@code cardData}); never null
 */
public record ModelQuery(String search, String author, List<String> filters, String sort, int limit,
                         List<String> expand) {

    /** Copies the lists; null lists become empty. */
    public ModelQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
        expand = expand == null ? List.of() : List.copyOf(expand);
    }

    /** A builder for a query with no search, author, filters or sort, and no limit. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ModelQuery}; not thread-safe. */
    public static final class Builder {
        private String search;
        private String author;
        private final List<String> filters = new ArrayList<>();
        private String sort;
        private int limit;
        private final List<String> expand = new ArrayList<>();

        /** An empty query; {@link ModelQuery#builder()} says the same. */
        public Builder() {
        }

        /** Matches models whose id contains {@code search}; null for any. */
        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /** Only models of this user or organisation; null for any. */
        public Builder author(String author) {
            this.author = author;
            return this;
        }

        /** A tag filter ({@code text-generation}, {@code license:mit}); several are all required. */
        public Builder filter(String filter) {
            filters.add(filter);
            return this;
        }

        /** {@code downloads}, {@code likes}, {@code lastModified}, {@code createdAt}, {@code trendingScore}; descending. */
        public Builder sort(String sort) {
            this.sort = sort;
            return this;
        }

        /** The most models wanted over all pages; {@code <= 0} (the default) for all. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** An extra property to include ({@code safetensors}, {@code cardData}, {@code gated}, ...). */
        public Builder expand(String property) {
            expand.add(property);
            return this;
        }

        /** The query as set so far. */
        public ModelQuery build() {
            return new ModelQuery(search, author, filters, sort, limit, expand);
        }
    }
}
