package vn.laurel.engine.ruleset;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one compiled class reaches outside itself: the classes it extends and names, the
 * methods it calls, the fields it reads or writes, the class constants it loads and the method
 * handles its lambdas and method references point to. This is read from the bytecode the rule
 * compiler produced, so whatever way the DRL text spelt a call (split over lines, escaped, through
 * a constraint or a consequence), it is here under its real owner and name.
 */
final class CodeReferences {
    /** One reference: {@code member} is null for a class named as a type, "<init>" for a constructor. */
    record Reference(String fromClass, String fromMethod, String owner, String member, String descriptor) {
        String ownerName() { return owner.replace('/', '.'); }
    }

    /** A string constant a method loads: the generated rule methods name their rule this way. */
    record Text(String fromClass, String fromMethod, String value) {}

    /** What one class file reaches, and the strings its methods load. */
    record ClassFile(String name, List<Reference> references, List<Text> texts) {}

    private CodeReferences() {}

    static ClassFile of(byte[] classFile) {
        List<Reference> out = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        Collector collector = new Collector(out, texts);
        new ClassReader(classFile).accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFile(collector.self, out, texts);
    }

    private static final class Collector extends ClassVisitor {
        private final List<Reference> out;
        private final List<Text> texts;
        private String self;

        Collector(List<Reference> out, List<Text> texts) {
            super(Opcodes.ASM9);
            this.out = out;
            this.texts = texts;
        }

        private void type(String method, Type t) {
            while (t.getSort() == Type.ARRAY) t = t.getElementType();
            if (t.getSort() == Type.OBJECT) out.add(new Reference(self, method, t.getInternalName(), null, null));
            else if (t.getSort() == Type.METHOD) {
                type(method, t.getReturnType());
                for (Type a : t.getArgumentTypes()) type(method, a);
            }
        }

        private void internalName(String method, String name) {
            if (name == null) return;
            type(method, name.startsWith("[") ? Type.getType(name) : Type.getObjectType(name));
        }

        private void constant(String method, Object value) {
            if (value instanceof Type t) type(method, t);
            else if (value instanceof Handle h) handle(method, h);
            else if (value instanceof ConstantDynamic cd) {
                handle(method, cd.getBootstrapMethod());
                type(method, Type.getType(cd.getDescriptor()));
                for (int i = 0; i < cd.getBootstrapMethodArgumentCount(); i++) constant(method, cd.getBootstrapMethodArgument(i));
            }
        }

        private void handle(String method, Handle h) {
            out.add(new Reference(self, method, h.getOwner(), h.getName(), h.getDesc()));
            type(method, h.getTag() <= Opcodes.H_PUTSTATIC ? Type.getType(h.getDesc()) : Type.getMethodType(h.getDesc()));
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            self = name;
            internalName(null, superName);
            if (interfaces != null) for (String i : interfaces) internalName(null, i);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            type(null, Type.getType(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            String method = name;
            type(method, Type.getMethodType(descriptor));
            if (exceptions != null) for (String e : exceptions) internalName(method, e);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String mName, String mDesc, boolean isInterface) {
                    if (owner.startsWith("[") && mName.equals("clone")) { // javac names the array itself for clone() only
                        type(method, Type.getType(owner));
                        return;
                    }
                    if (owner.startsWith("[")) owner = "java/lang/Object";
                    out.add(new Reference(self, method, owner, mName, mDesc));
                    type(method, Type.getMethodType(mDesc));
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fName, String fDesc) {
                    out.add(new Reference(self, method, owner, fName, fDesc));
                    type(method, Type.getType(fDesc));
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    internalName(method, type);
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dims) {
                    type(method, Type.getType(descriptor));
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String text) texts.add(new Text(self, method, text));
                    constant(method, value);
                }

                @Override
                public void visitInvokeDynamicInsn(String iName, String iDesc, Handle bsm, Object... args) {
                    handle(method, bsm);
                    type(method, Type.getMethodType(iDesc));
                    for (Object a : args) constant(method, a);
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                                               org.objectweb.asm.Label handler, String type) {
                    internalName(method, type);
                }
            };
        }
    }
}
