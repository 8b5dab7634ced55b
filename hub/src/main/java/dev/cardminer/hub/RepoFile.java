package dev.cardminer.hub;

/**
 * A file of a repository listing.
 *
 * @param path   its path in the repo, as the Hub lists it (not yet checked: see {@code HubCardSource})
 * @param size   its size in bytes (the LFS object's when stored in LFS), -1 when unknown
 * @param sha256 the LFS object's SHA-256, or null for files kept in git
 */
public record RepoFile(String path, long size, String sha256) {

    /** The file name: the path after its last {@code /}. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
