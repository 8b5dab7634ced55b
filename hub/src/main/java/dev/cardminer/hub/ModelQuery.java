package dev.cardminer.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * A model search: {@code /api/models?search=&author=&filter=&sort=&direction=-1&limit=&expand[]=}.
 *
 * @param limit the most models wanted over all pages; {@code <= 0} for all
 */
public record ModelQuery(String search, String author, List<String> filters, String sort, int limit,
                         List<String> expand) {

    public ModelQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
        expand = expand == null ? List.of() : List.copyOf(expand);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String search;
        private String author;
        private final List<String> filters = new ArrayList<>();
        private String sort;
        private int limit;
        private final List<String> expand = new ArrayList<>();

        public Builder search(String search) {
            this.search = search;
            return this;
        }

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

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** An extra property to include ({@code safetensors}, {@code cardData}, {@code gated}, ...). */
        public Builder expand(String property) {
            expand.add(property);
            return this;
        }

        public ModelQuery build() {
            return new ModelQuery(search, author, filters, sort, limit, expand);
        }
    }
}
