// Every word the report shows, in English and Spanish, in one table so the two never drift apart.

import type { Metric, Strategy } from './schema.js';

/** Languages the report is written in. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Locale for number formatting in each language (Spanish writes 1.234,5). */
export const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-ES' };

const messages = {
  // Page frame
  reportTitle: { en: 'parlab benchmark report', es: 'Informe de rendimiento de parlab' },
  compareTitle: { en: 'parlab: comparing two runs', es: 'parlab: comparación de dos ejecuciones' },
  run: { en: 'Run', es: 'Ejecución' },
  createdAt: { en: 'Measured on', es: 'Medido el' },
  machine: { en: 'Machine', es: 'Máquina' },
  cpu: { en: 'CPU', es: 'Procesador' },
  cores: { en: 'Cores', es: 'Núcleos' },
  memory: { en: 'Memory', es: 'Memoria' },
  os: { en: 'Operating system', es: 'Sistema operativo' },
  node: { en: 'Node.js', es: 'Node.js' },
  python: { en: 'Python', es: 'Python' },
  pythonMissing: { en: 'not found', es: 'no encontrado' },
  options: { en: 'Options', es: 'Opciones' },
  contents: { en: 'Contents', es: 'Contenido' },
  files: { en: 'Files', es: 'Archivos' },
  resultsFile: { en: 'Raw results (results.json)', es: 'Resultados sin procesar (results.json)' },
  pngLink: { en: 'PNG image', es: 'Imagen PNG' },
  intro: {
    en: 'Each chart below comes from the measurements in results.json. The same charts are saved as PNG images next to this page. Every measurement was repeated several times; the tables at the end give the median (the middle value), the range from the fastest to the slowest repetition, and the relative margin of error (rme).',
    es: 'Cada gráfico de esta página sale de las mediciones guardadas en results.json, y los mismos gráficos están guardados como imágenes PNG junto a esta página. Cada medición se repitió varias veces; las tablas del final muestran la mediana (el valor central), el rango entre la repetición más rápida y la más lenta, y el margen de error relativo (rme).',
  },

  // Sections
  sectionWorkloads: { en: 'Workloads: how much faster with more workers', es: 'Cargas de trabajo: cuánto más rápido con más trabajadores' },
  sectionWorkloadsIntro: {
    en: 'Each workload is a CPU-bound job run once serially and then split across 1, 2, 4… workers, either as separate processes or as threads inside one process.',
    es: 'Cada carga de trabajo es una tarea que usa intensivamente la CPU. Se ejecuta primero en serie y después repartida entre 1, 2, 4… trabajadores, ya sea como procesos independientes o como hilos dentro de un mismo proceso.',
  },
  sectionOverview: { en: 'Overview: processes or threads?', es: 'Resumen: ¿procesos o hilos?' },
  sectionCosts: { en: 'What the building blocks cost', es: 'Lo que cuestan las piezas básicas' },
  sectionCostsIntro: {
    en: 'Parallel work is not free: starting a worker takes time and memory, and every message between workers has to travel. These charts measure those costs for each strategy.',
    es: 'El trabajo en paralelo no es gratis: arrancar un trabajador cuesta tiempo y memoria, y cada mensaje entre trabajadores tiene que viajar de uno a otro. Estos gráficos miden esos costes con cada estrategia.',
  },
  sectionPeers: { en: 'parlab beside other pool libraries', es: 'parlab frente a otras bibliotecas de pools' },
  sectionPeersIntro: {
    en: 'The same pool jobs run through parlab and through popular Node.js worker-pool libraries. "raw" means hand-written worker_threads code with no library.',
    es: 'Las mismas tareas de pool se ejecutan con parlab y con bibliotecas de pools de trabajadores populares en Node.js. «raw» es código escrito a mano con worker_threads, sin ninguna biblioteca.',
  },
  sectionPython: { en: 'Python and the GIL', es: 'Python y el GIL' },
  sectionPythonIntro: {
    en: "Python's multiprocessing runs the same workloads. In CPython, the Global Interpreter Lock (GIL) lets only one thread run Python code at a time, so threads cannot speed up CPU-bound work while processes can. Node threads have no such lock.",
    es: 'El módulo multiprocessing de Python ejecuta las mismas cargas de trabajo. En CPython, el bloqueo global del intérprete (GIL) solo deja que un hilo ejecute código Python a la vez, así que los hilos no pueden acelerar un trabajo que usa intensivamente la CPU, mientras que los procesos sí. Los hilos de Node no tienen ese bloqueo.',
  },
  sectionTables: { en: 'All measurements', es: 'Todas las mediciones' },
  sectionTablesIntro: {
    en: 'Failed or skipped measurements are listed here with their error and left out of every chart.',
    es: 'Las mediciones que fallaron o se omitieron aparecen aquí con su error y no se usan en ningún gráfico.',
  },

  // Strategies and series
  serial: { en: 'Serial', es: 'En serie' },
  process: { en: 'Processes', es: 'Procesos' },
  thread: { en: 'Threads', es: 'Hilos' },
  ideal: { en: 'Ideal (speedup = workers)', es: 'Ideal (aceleración = trabajadores)' },
  amdahlFit: { en: 'Amdahl fit, {strategy} (p = {p})', es: 'Ajuste de Amdahl, {strategy} (p = {p})' },
  pythonSeries: { en: 'Python {strategy}', es: '{strategy} de Python' },
  nodeSeries: { en: 'Node {strategy}', es: '{strategy} de Node' },
  workersSeries: { en: '{n} workers', es: '{n} trabajadores' },
  sameSpeed: { en: 'Equal (ratio = 1)', es: 'Iguales (razón = 1)' },
  ratioSeries: { en: 'Process time ÷ thread time', es: 'Tiempo con procesos ÷ tiempo con hilos' },
  threadsWin: { en: 'threads win ×{x}', es: 'ganan los hilos ×{x}' },
  processesWin: { en: 'processes win ×{x}', es: 'ganan los procesos ×{x}' },

  // Axes
  axisWorkers: { en: 'Workers', es: 'Trabajadores' },
  axisSpeedup: { en: 'Speedup (× faster than serial)', es: 'Aceleración (× más rápido)' },
  axisTimeMs: { en: 'Time (ms)', es: 'Tiempo (ms)' },
  axisRatio: { en: 'Ratio (above 1: threads faster)', es: 'Razón (por encima de 1: hilos más rápidos)' },
  axisLogNote: { en: '{label}, logarithmic scale', es: '{label}, escala logarítmica' },

  // Chart titles and explanations
  speedupTitle: { en: 'Speedup: {subject}', es: 'Aceleración: {subject}' },
  speedupExplain: {
    en: 'Speedup tells how many times faster the parallel version is than the serial one: serial time ÷ parallel time. The dotted line is the ideal, where n workers are n times faster. The dashed curves fit Amdahl\'s law to the measurements: p is the share of the work that runs in parallel (fitted here: {fits}). The remaining 1 − p limits the speedup however many workers you add.',
    es: 'La aceleración indica cuántas veces más rápida es la versión paralela que la versión en serie: tiempo en serie ÷ tiempo en paralelo. La línea de puntos es el caso ideal, en el que n trabajadores van n veces más rápido. Las curvas discontinuas ajustan la ley de Amdahl a las mediciones: p es la parte del trabajo que se ejecuta en paralelo (aquí: {fits}). El resto, 1 − p, pone un límite a la aceleración por muchos trabajadores que se añadan.',
  },
  wallTitle: { en: 'Wall time: {subject}', es: 'Tiempo total: {subject}' },
  wallExplain: {
    en: 'Median time to finish the whole job; lower is better. The small vertical bars go from the fastest to the slowest repetition, so a long bar means the measurement was noisy. The grey dashed line is the serial version, for reference.',
    es: 'Tiempo mediano que tarda en terminar todo el trabajo; cuanto más bajo, mejor. Las pequeñas barras verticales van de la repetición más rápida a la más lenta, así que una barra larga indica una medición con mucho ruido. La línea gris discontinua es la versión en serie, como referencia.',
  },
  bestSpeedupTitle: { en: 'Best speedup per workload', es: 'Mejor aceleración por carga de trabajo' },
  bestSpeedupExplain: {
    en: 'For each workload, the highest speedup each strategy reached with any number of workers. Processes pay more to start and to send data; threads share one process and copy less.',
    es: 'Para cada carga de trabajo, la mayor aceleración que alcanzó cada estrategia con cualquier número de trabajadores. Los procesos pagan más al arrancar y al enviar datos; los hilos comparten un mismo proceso y copian menos.',
  },
  winnerTitle: { en: 'Where processes win and where threads win', es: 'Dónde ganan los procesos y dónde ganan los hilos' },
  winnerExplain: {
    en: 'Each bar divides the best time with processes by the best time with threads. Above the line at 1, threads were faster; below it, processes were faster. The label says who wins and by how much.',
    es: 'Cada barra divide el mejor tiempo con procesos entre el mejor tiempo con hilos. Por encima de la línea del 1, los hilos fueron más rápidos; por debajo, lo fueron los procesos. La etiqueta indica quién gana y por cuánto.',
  },
  costTitle: { en: '{metric} by strategy', es: '{metric} según la estrategia' },
  spawnExplain: {
    en: 'How long it takes to start one worker and get its first answer; lower is better. A process starts a whole new Node.js runtime, a thread reuses the running one.',
    es: 'Cuánto se tarda en arrancar un trabajador y recibir su primera respuesta; cuanto menos, mejor. Un proceso arranca un entorno de Node.js completamente nuevo; un hilo reutiliza el que ya está en marcha.',
  },
  memoryExplain: {
    en: 'Extra memory (resident set size) each worker adds; lower is better. Every process carries its own copy of the runtime.',
    es: 'Memoria adicional (tamaño del conjunto residente) que añade cada trabajador; cuanto menos, mejor. Cada proceso lleva su propia copia del entorno de ejecución.',
  },
  latencyExplain: {
    en: 'Time for a message to go to the other side and come back; lower is better. Between processes the message is serialized and sent through the operating system; between threads it stays in memory.',
    es: 'Tiempo que tarda un mensaje en llegar al otro lado y volver; cuanto menos, mejor. Entre procesos, el mensaje se serializa y pasa por el sistema operativo; entre hilos, se queda en la memoria.',
  },
  throughputExplain: {
    en: 'How much gets through per second when sending as fast as possible; higher is better.',
    es: 'Cuánto pasa por segundo cuando se envía lo más rápido posible; cuanto más, mejor.',
  },
  logScaleNote: {
    en: 'The vertical axis is logarithmic because the values differ by more than 50 times: each grid step multiplies by 10.',
    es: 'El eje vertical es logarítmico porque los valores se diferencian en más de 50 veces: cada paso de la cuadrícula multiplica por 10.',
  },
  peersTitle: { en: 'Pool throughput: {subject}', es: 'Rendimiento del pool: {subject}' },
  peersExplain: {
    en: '{metric} for the same job through each library; higher is better. parlab appears twice, once per strategy.',
    es: '{metric} con la misma tarea en cada biblioteca; cuanto más, mejor. parlab aparece dos veces, una por estrategia.',
  },
  pythonTitle: { en: 'Python vs Node: {subject}', es: 'Python frente a Node: {subject}' },
  pythonExplain: {
    en: 'Speedup of each language and strategy over its own serial time. Python threads stay near 1 because of the GIL: only one thread runs Python code at a time. Python processes and both Node strategies can really use several cores.',
    es: 'Aceleración de cada lenguaje y estrategia respecto a su propio tiempo en serie. Los hilos de Python se quedan cerca de 1 por culpa del GIL: solo un hilo ejecuta código Python a la vez. Los procesos de Python y las dos estrategias de Node sí pueden aprovechar varios núcleos.',
  },

  // Metrics
  metric_wall_ms: { en: 'Wall time', es: 'Tiempo total' },
  metric_tasks_per_s: { en: 'Tasks per second', es: 'Tareas por segundo' },
  metric_items_per_s: { en: 'Items per second', es: 'Elementos por segundo' },
  metric_msgs_per_s: { en: 'Messages per second', es: 'Mensajes por segundo' },
  metric_bytes_per_s: { en: 'Bandwidth', es: 'Ancho de banda' },
  metric_round_trip_us: { en: 'Round-trip latency', es: 'Latencia de ida y vuelta' },
  metric_spawn_ms: { en: 'Start-up time per worker', es: 'Tiempo de arranque por trabajador' },
  metric_rss_bytes: { en: 'Memory per worker', es: 'Memoria por trabajador' },
  metric_speedup: { en: 'Speedup', es: 'Aceleración' },

  // Tables
  colSuite: { en: 'Suite', es: 'Grupo' },
  colSubject: { en: 'Subject', es: 'Prueba' },
  colImplementation: { en: 'Implementation', es: 'Implementación' },
  colStrategy: { en: 'Strategy', es: 'Estrategia' },
  colWorkers: { en: 'Workers', es: 'Trabajadores' },
  colMetric: { en: 'Metric', es: 'Métrica' },
  colMedian: { en: 'Median', es: 'Mediana' },
  colRange: { en: 'Min – max', es: 'Mín. – máx.' },
  colRme: { en: '± rme', es: '± rme' },
  colStatus: { en: 'Status', es: 'Estado' },
  status_ok: { en: 'ok', es: 'correcto' },
  status_failed: { en: 'failed', es: 'falló' },
  status_skipped: { en: 'skipped', es: 'omitido' },
  suite_workloads: { en: 'Workloads', es: 'Cargas de trabajo' },
  suite_primitives: { en: 'Primitives', es: 'Primitivas' },
  suite_peers: { en: 'Peer libraries', es: 'Otras bibliotecas' },
  suite_python: { en: 'Python', es: 'Python' },

  // Comparison
  compareIntro: {
    en: 'Run A is on the left, run B on the right. The table at the end divides each median of B by the matching median of A.',
    es: 'La ejecución A está a la izquierda y la B a la derecha. La tabla del final divide cada mediana de B entre la mediana correspondiente de A.',
  },
  runA: { en: 'Run A', es: 'Ejecución A' },
  runB: { en: 'Run B', es: 'Ejecución B' },
  notInRun: { en: 'Not in this run.', es: 'No está en esta ejecución.' },
  ratiosTitle: { en: 'Ratios B / A of matching medians', es: 'Razones B / A de las medianas correspondientes' },
  ratiosIntro: {
    en: 'A ratio of 2 means B\'s median is twice A\'s. Whether that is good depends on the metric: for times lower is better, for throughput higher is better; the last column says which.',
    es: 'Una razón de 2 significa que la mediana de B es el doble que la de A. Que eso sea bueno depende de la métrica: en los tiempos, cuanto menos, mejor; en el rendimiento, cuanto más, mejor. La última columna lo indica.',
  },
  colRatio: { en: 'B / A', es: 'B / A' },
  colVerdict: { en: 'B is', es: 'B es' },
  verdictBetter: { en: 'better', es: 'mejor' },
  verdictWorse: { en: 'worse', es: 'peor' },
  verdictSame: { en: 'about the same', es: 'más o menos igual' },
  noMatches: { en: 'The two runs have no measurements in common.', es: 'Las dos ejecuciones no tienen mediciones en común.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

/** True when `value` names a language the report supports. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The message `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Human name of a metric. */
export function metricName(lang: Lang, metric: Metric): string {
  return t(lang, `metric_${metric}`);
}

/** Human name of a strategy ("Processes", "Hilos"…). */
export function strategyName(lang: Lang, strategy: Strategy): string {
  return t(lang, strategy);
}
