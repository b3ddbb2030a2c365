// The course unit's own words ("Unidad 8: Multiprocessing"), copied here word for word, with their English translation.
import type { Text } from './text.js';

export interface UnitQuestion {
  /** 1–10: the order of the unit's "Programación - paso a paso". */
  readonly number: number;
  /** The question exactly as the unit asks it (es), and its translation (en). */
  readonly title: Text;
  /** The notebook (and Python file, where the unit names one) that the unit points to for this question. */
  readonly notebooks: readonly string[];
}

export const QUESTIONS: readonly UnitQuestion[] = [
  {
    number: 1,
    title: {
      es: '¿Cómo ejecutar funciones en paralelo utilizando la librería multiprocessing de Python?',
      en: "How do I run functions in parallel using Python's multiprocessing library?",
    },
    notebooks: ['1 - Multiprocessing.ipynb'],
  },
  {
    number: 2,
    title: { es: '¿Cómo asignar y obtener los nombres de los procesos?', en: 'How do I set and get the names of processes?' },
    notebooks: ['2 - Multiprocessing.ipynb'],
  },
  {
    number: 3,
    title: { es: '¿Cómo ejecutar un proceso en segundo plano?', en: 'How do I run a process in the background?' },
    notebooks: ['3 - Multiprocessing.ipynb', '3ejecutar_proceso_segundo_plano.py'],
  },
  { number: 4, title: { es: '¿Cómo matar un proceso?', en: 'How do I kill a process?' }, notebooks: ['4 - Multiprocessing.ipynb'] },
  {
    number: 5,
    title: { es: '¿Cómo usar un proceso en una subclase?', en: 'How do I use a process in a subclass?' },
    notebooks: ['5 - Multiprocessing.ipynb'],
  },
  {
    number: 6,
    title: { es: '¿Cómo intercambiar objetos entre procesos utilizando una cola?', en: 'How do I exchange objects between processes using a queue?' },
    notebooks: ['6 - Multiprocessing.ipynb'],
  },
  {
    number: 7,
    title: { es: '¿Cómo intercambiar objetos entre procesos utilizando una tubería?', en: 'How do I exchange objects between processes using a pipe?' },
    notebooks: ['7 - Multiprocessing.ipynb'],
  },
  {
    number: 8,
    title: { es: '¿Cómo sincronizar procesos?', en: 'How do I synchronize processes?' },
    notebooks: ['8 - Multiprocessing.ipynb', '8sincronizar_procesos_barrier.py'],
  },
  {
    number: 9,
    title: {
      es: '¿Cómo sincronizar procesos utilizando un administrador de procesos (manager)?',
      en: 'How do I synchronize processes using a process manager (manager)?',
    },
    notebooks: ['9 - Multiprocessing.ipynb'],
  },
  {
    number: 10,
    title: { es: '¿Cómo ejecutar funciones en paralelo utilizando procesos con Pool?', en: 'How do I run functions in parallel using processes with Pool?' },
    notebooks: ['10 - Multiprocessing.ipynb'],
  },
];

/** One of the unit's "Ventajas y Desventajas": its heading and its sentence, word for word. */
export interface UnitPoint {
  readonly title: Text;
  readonly text: Text;
}

export const PROS_AND_CONS_TITLE: Text = { es: 'Ventajas y Desventajas', en: 'Advantages and Disadvantages' };

export const ADVANTAGES: readonly UnitPoint[] = [
  {
    title: { es: 'Mayor eficiencia y rendimiento', en: 'Greater efficiency and performance' },
    text: {
      es: 'Multiprocessing permite la ejecución de varias tareas en paralelo, lo que acelera el procesamiento del programa y mejora su rendimiento.',
      en: "Multiprocessing runs several tasks in parallel, which speeds up the program's processing and improves its performance.",
    },
  },
  {
    title: { es: 'Mayor capacidad de procesamiento', en: 'Greater processing capacity' },
    text: {
      es: 'Los procesos se ejecutan en núcleos de procesador separados, lo que significa que el programa puede aprovechar completamente el potencial de la CPU para mejorar su capacidad de procesamiento.',
      en: 'Processes run on separate processor cores, which means the program can make full use of the CPU to improve its processing capacity.',
    },
  },
  {
    title: { es: 'Mayor estabilidad del programa', en: 'Greater program stability' },
    text: {
      es: 'Los procesos se ejecutan de forma independiente, lo que significa que si un proceso falla, los demás pueden seguir ejecutándose sin problemas.',
      en: 'Processes run independently, which means that if one process fails, the others can keep running without trouble.',
    },
  },
  {
    title: { es: 'Mayor facilidad para la gestión de recursos', en: 'Easier resource management' },
    text: {
      es: 'Multiprocessing gestiona los recursos del sistema de forma más efectiva, lo que significa que los programas pueden ser más eficientes en términos de memoria y uso de la CPU.',
      en: 'Multiprocessing manages system resources more effectively, which means programs can be more efficient in memory and CPU use.',
    },
  },
];

export const DISADVANTAGES: readonly UnitPoint[] = [
  {
    title: { es: 'Mayor consumo de recursos', en: 'Greater resource consumption' },
    text: {
      es: 'La creación de procesos adicionales puede consumir más memoria y recursos del sistema, lo que puede afectar el rendimiento del programa.',
      en: "Creating extra processes can use more memory and system resources, which can hurt the program's performance.",
    },
  },
  {
    title: { es: 'Mayor complejidad del código', en: 'Greater code complexity' },
    text: {
      es: 'El uso de Multiprocessing puede requerir una mayor complejidad del código, lo que significa que el programa puede ser más difícil de entender y mantener.',
      en: 'Using Multiprocessing can require more complex code, which means the program can be harder to understand and maintain.',
    },
  },
  {
    title: { es: 'Problemas de sincronización', en: 'Synchronization problems' },
    text: {
      es: 'La sincronización entre procesos puede ser un problema en Multiprocessing, lo que puede generar errores en el programa.',
      en: 'Synchronizing processes can be a problem in Multiprocessing, which can cause errors in the program.',
    },
  },
  {
    title: { es: 'Problemas de comunicación', en: 'Communication problems' },
    text: {
      es: 'La comunicación entre procesos puede ser más compleja en Multiprocessing, lo que puede generar problemas de compatibilidad y de rendimiento.',
      en: 'Communication between processes can be more complex in Multiprocessing, which can cause compatibility and performance problems.',
    },
  },
];

/** The unit's closing section, which `pnpm exercise` and `pnpm quiz` follow. */
export const WORKSHOP_TITLE: Text = { es: 'Taller y Quiz', en: 'Workshop and Quiz' };

/** The unit's question `n` (1–10); lesson 11 takes its title from "Ventajas y Desventajas". */
export function question(n: number): UnitQuestion {
  const found = QUESTIONS.find((q) => q.number === n);
  if (found === undefined) throw new RangeError(`the unit has no question ${n}`);
  return found;
}
