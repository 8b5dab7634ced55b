package dev.cardminer.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The card files of a folder, recursively, in path order (one directory listing in memory at a time).
 * Ids follow the usual layouts: {@code org__name.md} is {@code org/name}; {@code org/name/README.md} is
 * {@code org/name}; any other {@code *.md} is its path below the folder without {@code .md}. Hidden
 * folders (.git) are skipped and folder links are not followed. A single {@code .md} file works too.
 */
final class MarkdownFolderCardSource implements CardSource {

    private final Path root;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();

    private MarkdownFolderCardSource(Path root) {
        this.root = root;
    }

    static MarkdownFolderCardSource open(Path folderOrFile) throws IOException {
        MarkdownFolderCardSource source = new MarkdownFolderCardSource(folderOrFile);
        if (Files.isDirectory(folderOrFile)) {
            source.stack.push(listing(folderOrFile));
        } else if (Files.isRegularFile(folderOrFile)) {
            source.stack.push(List.of(folderOrFile).iterator());
        } else {
            throw new IOException(folderOrFile + ": no such file or folder");
        }
        return source;
    }

    @Override
    public SourceCard next() throws IOException {
        while (!stack.isEmpty()) {
            Iterator<Path> top = stack.peek();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            Path path = top.next();
            String name = path.getFileName().toString();
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                if (!name.startsWith(".")) {
                    stack.push(listing(path));
                }
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                String id = idOf(root, path);
                if (!Files.isRegularFile(path)) {
                    // said, not skipped: a card the folder names but that cannot be read as a file (a link to nothing,
                    // a pipe that would block the reader)
                    return SourceCard.unreadable(id, path.toString(), whyNoFile(path));
                }
                try {
                    return SourceCard.ofBytes(id, path.toString(), CardFiles.read(path), facts(name, id));
                } catch (CardFiles.TooLargeException e) {
                    return SourceCard.unreadable(id, path.toString(), e.getMessage());
                } catch (IOException e) {
                    return SourceCard.unreadable(id, path.toString(), "cannot read the file: " + e.getMessage());
                }
            }
        }
        return null;
    }

    /** Why a path the folder names is no file to read: a link to nothing, a loop of links, or another kind of file. */
    private static String whyNoFile(Path path) {
        Set<Path> seen = new HashSet<>();
        Path at = path;
        try {
            // Linux follows at most 40 links; more, or one seen before, never reaches a file.
            while (Files.isSymbolicLink(at)) {
                if (!seen.add(at.toAbsolutePath().normalize()) || seen.size() > 40) {
                    return "a loop of symbolic links: following them never reaches a file";
                }
                at = at.resolveSibling(Files.readSymbolicLink(at));
            }
        } catch (IOException e) {
            return "a symbolic link that cannot be read: " + e.getMessage();
        }
        if (at == path) {
            return "not a regular file";
        }
        return Files.exists(at, LinkOption.NOFOLLOW_LINKS) ? "a link to something that is not a regular file"
                : "a link to a file that does not exist";
    }

    /** The card id a file gets below {@code root} (see the class comment). */
    public static String idOf(Path root, Path file) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - 3);
        Path relative = root.equals(file) ? file.getFileName() : root.relativize(file);
        if (name.equalsIgnoreCase("README.md")) {
            Path parent = relative.getParent();
            if (parent == null) {
                Path base = root.toAbsolutePath().normalize();
                parent = Files.isDirectory(base) ? base : base.getParent();
                if (parent == null || parent.getFileName() == null) {
                    return stem;
                }
                return lastTwo(parent);
            }
            return lastTwo(parent);
        }
        int sep = stem.indexOf("__");
        if (sep > 0 && sep + 2 < stem.length()) {
            return stem.substring(0, sep) + "/" + stem.substring(sep + 2);
        }
        String path = relative.toString().replace('\\', '/');
        return path.substring(0, path.length() - 3);
    }

    private static String lastTwo(Path folder) {
        int n = folder.getNameCount();
        return n >= 2 ? folder.getName(n - 2) + "/" + folder.getName(n - 1) : folder.getFileName().toString();
    }

    /** The Hub layouts name the repo owner; other paths say nothing about it. */
    private static RepoFacts facts(String fileName, String id) {
        boolean hubLayout = fileName.equalsIgnoreCase("README.md") || fileName.contains("__");
        int slash = id.indexOf('/');
        return hubLayout && slash > 0 && id.indexOf('/', slash + 1) < 0
                ? RepoFacts.author(id.substring(0, slash)) : RepoFacts.NONE;
    }

    private static Iterator<Path> listing(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        }
        entries.sort(null);
        return entries.iterator();
    }

    @Override
    public String description() {
        return "folder:" + root;
    }

    @Override
    public void close() {
        stack.clear();
    }
}
