// Words of UK education that the British English dictionary lacks: roles, bodies, plans, needs and
// the names of tests. Acronyms written in capitals alone (SEMH, EHCP, SENCO, GCSEs) are skipped by the
// tokeniser already; they are listed too so suggestions can offer them. Mixed-case forms (DfE, SENCo,
// Ofsted, SATs) and ordinary words the dictionary misses (wellbeing, headteacher) must be listed.
export const educationWords: readonly string[] = [
  // Plans, needs and support
  'ILP', 'ILPs', 'IEP', 'IEPs', 'EHCP', 'EHCPs', 'SEMH', 'SEN', 'SEND', 'SENCO', 'SENCOs', 'SENCo', 'SENCos', 'SENDCo', 'SENDCos',
  'EAL', 'ESOL', 'ADHD', 'ADD', 'ASD', 'ASC', 'SpLD', 'SLCN', 'PMLD', 'SLD', 'MLD', 'CAMHS', 'EP', 'SALT', 'OT',
  'neurodivergent', 'neurodiverse', 'neurotypical', 'neurodiversity', 'dyslexic', 'dyscalculia', 'dyspraxia', 'dyspraxic',
  'dysgraphia', 'wellbeing', 'safeguarding', 'DSL', 'DDSL', 'LADO', 'KCSIE', 'LAC', 'CLA', 'PLAC', 'FSM', 'EWO', 'TAF',
  // People and roles
  'headteacher', 'headteachers', 'ECT', 'ECTs', 'NQT', 'NQTs', 'TA', 'TAs', 'HLTA', 'HLTAs', 'LSA', 'LSAs', 'SLT', 'mentee',
  'mentees', 'tutee', 'tutees', 'co-ordinator', 'co-ordinators', 'coordinator', 'coordinators',
  // Bodies, frameworks and qualifications
  'Ofsted', 'Ofqual', 'DfE', 'ESFA', 'UCAS', 'ECF', 'ITT', 'ITE', 'PGCE', 'QTS', 'CPD', 'EYFS', 'KS1', 'KS2', 'KS3', 'KS4', 'KS5',
  'GCSE', 'GCSEs', 'BTEC', 'BTECs', 'NVQ', 'NVQs', 'EPQ', 'SATs', 'PSHE', 'RSHE', 'RSE', 'MFL', 'DT', 'STEM', 'SPaG', 'GPS',
  'PRU', 'PRUs', 'MAT', 'MATs',
  // Teaching and learning
  'metacognition', 'metacognitive', 'reteach', 'reteaching', 'retaught', 'pre-teach', 'pre-teaching', 'pre-taught', 'plenary',
  'plenaries', 'phonics', 'phoneme', 'phonemes', 'grapheme', 'graphemes', 'digraph', 'digraphs', 'trigraph', 'trigraphs',
  'summative', 'formative', 'attainer', 'attainers', 'timetabled', 'upskill', 'upskilling', 'scaffolded', 'chunking', 'WALT', 'WILF', 'WAGOLL', 'TTRS', 'Bitesize',
];
