package dev.eventpatch.hubspot.marketingevents.buildtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.util.TraceSignatureVisitor;

/**
 * Lists the public API of compiled classes: every public type, and every public or protected
 * member of it, one per line, in the style of OkHttp's {@code .api} files.
 *
 * <p>Reads class files with ASM, so it needs neither the classes' dependencies nor to load
 * them. A type is listed when it and every type enclosing it are public (or protected within a
 * class that can be subclassed); synthetic and bridge members, and packages given as excluded
 * (such as an {@code internal} package), are left out. Types are sorted by name; in each type,
 * fields come first, then constructors, then methods, each sorted by name and signature.
 * Generic signatures are shown as in source, nested types by their binary names
 * ({@code Outer$Inner}).
 */
final class PublicApiDump {

    private PublicApiDump() {
    }

    /**
     * The API of the classes under {@code classesDir}, one line each; empty when the directory
     * does not exist or holds no public type.
     */
    static List<String> dump(Path classesDir, List<String> excludedPackages) {
        Objects.requireNonNull(classesDir, "classesDir == null");
        Map<String, TypeInfo> types = new TreeMap<>();
        for (Path file : classFiles(classesDir)) {
            TypeInfo type = read(file);
            if (type != null) {
                types.put(type.name, type);
            }
        }
        List<String> lines = new ArrayList<>();
        for (TypeInfo type : types.values()) {
            if (isExported(type, types) && !isExcluded(type.name, excludedPackages)) {
                lines.add(type.header() + " {");
                type.members.stream()
                        .filter(member -> member.isExported(type.canBeSubclassed()))
                        .sorted()
                        .map(member -> "\t" + member.line)
                        .forEach(lines::add);
                lines.add("}");
                lines.add("");
            }
        }
        return lines;
    }

    private static List<Path> classFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".class"))
                    .filter(f -> !f.getFileName().toString().equals("module-info.class"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.class"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes in " + dir, e);
        }
    }

    private static TypeInfo read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            TypeInfo type = new TypeInfo();
            new ClassReader(in).accept(type.visitor(), ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG
                    | ClassReader.SKIP_FRAMES);
            return type.name == null ? null : type;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static boolean isExported(TypeInfo type, Map<String, TypeInfo> all) {
        if ((type.effectiveAccess() & Opcodes.ACC_SYNTHETIC) != 0 || type.isLocalOrAnonymous) {
            return false;
        }
        if (type.outerName == null) {
            return (type.effectiveAccess() & Opcodes.ACC_PUBLIC) != 0;
        }
        TypeInfo outer = all.get(type.outerName);
        if (outer == null || !isExported(outer, all)) {
            return false;
        }
        int access = type.effectiveAccess();
        return (access & Opcodes.ACC_PUBLIC) != 0
                || ((access & Opcodes.ACC_PROTECTED) != 0 && outer.canBeSubclassed());
    }

    private static boolean isExcluded(String internalName, List<String> excludedPackages) {
        String dotted = internalName.replace('/', '.');
        int lastDot = dotted.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : dotted.substring(0, lastDot);
        return excludedPackages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }

    private static String javaName(String internalName) {
        return Type.getObjectType(internalName).getClassName();
    }

    private static String visibility(int access) {
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return "public ";
        }
        return (access & Opcodes.ACC_PROTECTED) != 0 ? "protected " : "";
    }

    /** What the class file says about one type. */
    private static final class TypeInfo {
        String name;
        int access;
        Integer innerAccess;
        String outerName;
        boolean isLocalOrAnonymous;
        String superName;
        String[] interfaces;
        String signature;
        final List<Member> members = new ArrayList<>();

        int effectiveAccess() {
            return innerAccess != null ? innerAccess : access;
        }

        boolean canBeSubclassed() {
            return (effectiveAccess() & (Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE)) == 0
                    && !"java/lang/Enum".equals(superName) && !"java/lang/Record".equals(superName);
        }

        String kind() {
            int a = effectiveAccess();
            if ((a & Opcodes.ACC_ANNOTATION) != 0) {
                return "@interface";
            }
            if ((a & Opcodes.ACC_INTERFACE) != 0) {
                return "interface";
            }
            if ((a & Opcodes.ACC_ENUM) != 0 || "java/lang/Enum".equals(superName)) {
                return "enum";
            }
            return "java/lang/Record".equals(superName) ? "record" : "class";
        }

        String header() {
            int a = effectiveAccess();
            String kind = kind();
            StringBuilder line = new StringBuilder(visibility(a));
            if (kind.equals("class")) {
                if (outerName != null && (a & Opcodes.ACC_STATIC) != 0) {
                    line.append("static ");
                }
                if ((a & Opcodes.ACC_ABSTRACT) != 0) {
                    line.append("abstract ");
                }
                if ((a & Opcodes.ACC_FINAL) != 0) {
                    line.append("final ");
                }
            }
            line.append(kind).append(' ').append(javaName(name)).append(supertypes(kind));
            return line.toString();
        }

        private String supertypes(String kind) {
            String declared;
            if (signature != null) {
                TraceSignatureVisitor trace = new TraceSignatureVisitor(access);
                new SignatureReader(signature).accept(trace);
                declared = trace.getDeclaration();
            } else {
                StringBuilder s = new StringBuilder();
                boolean isInterface = kind.equals("interface") || kind.equals("@interface");
                if (superName != null && !superName.equals("java/lang/Object") && !isInterface) {
                    s.append(" extends ").append(javaName(superName));
                }
                List<String> names = new ArrayList<>();
                for (String i : interfaces) {
                    if (!(kind.equals("@interface") && i.equals("java/lang/annotation/Annotation"))) {
                        names.add(javaName(i));
                    }
                }
                if (!names.isEmpty()) {
                    s.append(isInterface ? " extends " : " implements ").append(String.join(", ", names));
                }
                declared = s.toString();
            }
            // Every enum extends Enum and every record Record: saying so is noise.
            return declared
                    .replace(" extends java.lang.Enum<" + javaName(name) + ">", "")
                    .replace(" extends java.lang.Enum", "")
                    .replace(" extends java.lang.Record", "");
        }

        ClassVisitor visitor() {
            return new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                        String[] interfaces) {
                    TypeInfo.this.name = name;
                    TypeInfo.this.access = access;
                    TypeInfo.this.signature = signature;
                    TypeInfo.this.superName = superName;
                    TypeInfo.this.interfaces = interfaces == null ? new String[0] : interfaces;
                }

                @Override
                public void visitInnerClass(String name, String outerName, String innerName, int access) {
                    if (name.equals(TypeInfo.this.name)) {
                        innerAccess = access;
                        TypeInfo.this.outerName = outerName;
                        isLocalOrAnonymous = outerName == null || innerName == null;
                    }
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                        Object value) {
                    String type = signature != null ? typeSignature(signature)
                            : Type.getType(descriptor).getClassName();
                    String line = modifiers(access, false) + type + " " + name;
                    members.add(new Member(0, name, descriptor, access, line));
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    if (name.equals("<clinit>")) {
                        return null;
                    }
                    members.add(method(access, name, descriptor, signature, exceptions));
                    return null;
                }
            };
        }

        private Member method(int access, String name, String descriptor, String signature, String[] exceptions) {
            String typeParameters = "";
            String parameters;
            String returnType;
            String thrown = null;
            if (signature != null) {
                TraceSignatureVisitor trace = new TraceSignatureVisitor(0);
                new SignatureReader(signature).accept(trace);
                String declaration = trace.getDeclaration();
                int open = declaration.indexOf('(');
                typeParameters = declaration.substring(0, open);
                parameters = declaration.substring(open);
                returnType = trace.getReturnType();
                thrown = trace.getExceptions();
            } else {
                parameters = Stream.of(Type.getArgumentTypes(descriptor))
                        .map(Type::getClassName)
                        .collect(Collectors.joining(", ", "(", ")"));
                returnType = Type.getReturnType(descriptor).getClassName();
            }
            if (thrown == null && exceptions != null && exceptions.length > 0) {
                thrown = Stream.of(exceptions).map(PublicApiDump::javaName).collect(Collectors.joining(", "));
            }
            if ((access & Opcodes.ACC_VARARGS) != 0 && parameters.endsWith("[])")) {
                parameters = parameters.substring(0, parameters.length() - 3) + "...)";
            }
            boolean constructor = name.equals("<init>");
            StringBuilder line = new StringBuilder(modifiers(access, true));
            if (!typeParameters.isEmpty()) {
                line.append(typeParameters).append(' ');
            }
            if (constructor) {
                String simple = javaName(this.name);
                line.append(simple.substring(Math.max(simple.lastIndexOf('.'), simple.lastIndexOf('$')) + 1));
            } else {
                line.append(returnType).append(' ').append(name);
            }
            line.append(parameters);
            if (thrown != null && !thrown.isEmpty()) {
                line.append(" throws ").append(thrown);
            }
            return new Member(constructor ? 1 : 2, name, descriptor, access, line.toString());
        }

        private String modifiers(int access, boolean method) {
            StringBuilder m = new StringBuilder(visibility(access));
            boolean inInterface = (effectiveAccess() & Opcodes.ACC_INTERFACE) != 0;
            if ((access & Opcodes.ACC_STATIC) != 0) {
                m.append("static ");
            }
            if (method && inInterface && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0) {
                m.append("default ");
            }
            if ((access & Opcodes.ACC_ABSTRACT) != 0 && !inInterface) {
                m.append("abstract ");
            }
            if ((access & Opcodes.ACC_FINAL) != 0) {
                m.append("final ");
            }
            return m.toString();
        }

        private static String typeSignature(String signature) {
            TraceSignatureVisitor trace = new TraceSignatureVisitor(0);
            new SignatureReader(signature).acceptType(trace);
            return trace.getDeclaration();
        }
    }

    /** One field, constructor or method, with the line that shows it. */
    private record Member(int order, String name, String descriptor, int access, String line)
            implements Comparable<Member> {

        private static final Comparator<Member> ORDER = Comparator.comparingInt(Member::order)
                .thenComparing(Member::name)
                .thenComparing(Member::line)
                .thenComparing(Member::descriptor);

        boolean isExported(boolean protectedCounts) {
            // ACC_BRIDGE shares its bit with a field's ACC_VOLATILE: it only means bridge on methods.
            int hidden = order == 0 ? Opcodes.ACC_SYNTHETIC : Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE;
            if ((access & hidden) != 0) {
                return false;
            }
            return (access & Opcodes.ACC_PUBLIC) != 0 || ((access & Opcodes.ACC_PROTECTED) != 0 && protectedCounts);
        }

        @Override
        public int compareTo(Member other) {
            return ORDER.compare(this, other);
        }
    }
}
